package com.ramparts.detection.correlation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Where the correlator keeps group state. In memory here; soc's Kafka Streams topology supplies a
 * changelogged key-value store behind the same four operations.
 */
public interface StateStore {

    GroupState get(GroupKey key);

    void put(GroupKey key, GroupState state);

    void remove(GroupKey key);

    void forEach(BiConsumer<GroupKey, GroupState> action);

    static StateStore inMemory() {
        return new StateStore() {
            private final Map<GroupKey, GroupState> states = new HashMap<>();

            @Override
            public GroupState get(GroupKey key) {
                return states.get(key);
            }

            @Override
            public void put(GroupKey key, GroupState state) {
                states.put(key, state);
            }

            @Override
            public void remove(GroupKey key) {
                states.remove(key);
            }

            @Override
            public void forEach(BiConsumer<GroupKey, GroupState> action) {
                Map.copyOf(states).forEach(action);
            }
        };
    }
}
