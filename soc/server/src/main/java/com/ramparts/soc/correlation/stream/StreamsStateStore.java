package com.ramparts.soc.correlation.stream;

import com.ramparts.detection.correlation.GroupKey;
import com.ramparts.detection.correlation.GroupState;
import com.ramparts.detection.correlation.StateStore;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The engine's {@link StateStore} over a task's changelogged Kafka Streams store. */
final class StreamsStateStore implements StateStore {

    private final KeyValueStore<GroupKey, GroupState> store;

    StreamsStateStore(KeyValueStore<GroupKey, GroupState> store) {
        this.store = store;
    }

    @Override
    public GroupState get(GroupKey key) {
        return store.get(key);
    }

    @Override
    public void put(GroupKey key, GroupState state) {
        store.put(key, state);
    }

    @Override
    public void remove(GroupKey key) {
        store.delete(key);
    }

    /** Over a copy: the correlator removes groups while it walks them. */
    @Override
    public void forEach(BiConsumer<GroupKey, GroupState> action) {
        List<KeyValue<GroupKey, GroupState>> all = new ArrayList<>();
        try (KeyValueIterator<GroupKey, GroupState> iterator = store.all()) {
            iterator.forEachRemaining(all::add);
        }
        all.forEach(entry -> action.accept(entry.key, entry.value));
    }
}
