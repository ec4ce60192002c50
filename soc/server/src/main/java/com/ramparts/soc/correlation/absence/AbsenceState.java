package com.ramparts.soc.correlation.absence;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What an absence rule remembers per site and source.
 *
 * @param lastSeen    event time (epoch ms) of the newest event seen, or when watching began if none was
 * @param lastEventId the id of that event; null while none was seen
 * @param alerted     whether the current silence was already reported
 */
public record AbsenceState(long lastSeen, String lastEventId, boolean alerted) {

    private static final byte VERSION = 1;

    public boolean seen() {
        return lastEventId != null;
    }

    /** Version byte, lastSeen, alerted, then the event id's UTF-8 bytes (none when never seen). */
    public static Serde<AbsenceState> serde() {
        return Serdes.serdeFrom((topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] id = state.lastEventId == null ? new byte[0] : state.lastEventId.getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 8 + 1 + 1 + id.length).put(VERSION).putLong(state.lastSeen)
                    .put((byte) (state.alerted ? 1 : 0)).put((byte) (state.lastEventId == null ? 0 : 1)).put(id).array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            if (bytes.length < 11 || buffer.get() != VERSION) {
                throw new SerializationException("not a version " + VERSION + " absence state");
            }
            long lastSeen = buffer.getLong();
            boolean alerted = buffer.get() == 1;
            boolean seen = buffer.get() == 1;
            String id = seen ? new String(bytes, 11, bytes.length - 11, StandardCharsets.UTF_8) : null;
            return new AbsenceState(lastSeen, id, alerted);
        });
    }
}
