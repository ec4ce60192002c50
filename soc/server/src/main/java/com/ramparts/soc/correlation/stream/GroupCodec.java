package com.ramparts.soc.correlation.stream;

import com.ramparts.detection.correlation.GroupKey;
import com.ramparts.detection.correlation.GroupState;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of correlation state, as stored in RocksDB and the changelog topic. Every value starts
 * with a version byte, so a later format can read this one. Strings are length-prefixed UTF-8.
 * <pre>
 * key   = 1, correlationId, count, value*
 * state = 1, clock, windowStart, count, (time, eventId, rule, hasValue, value?, number)*
 * </pre>
 */
public final class GroupCodec {

    static final byte VERSION = 1;

    private GroupCodec() {
    }

    public static Serde<GroupKey> keySerde() {
        return Serdes.serdeFrom((topic, key) -> key == null ? null : encode(key), (topic, bytes) -> bytes == null ? null : decodeKey(bytes));
    }

    public static Serde<GroupState> stateSerde() {
        return Serdes.serdeFrom((topic, state) -> state == null ? null : encode(state), (topic, bytes) -> bytes == null ? null : decodeState(bytes));
    }

    static byte[] encode(GroupKey key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, key.correlationId());
            out.writeInt(key.values().size());
            for (String value : key.values()) {
                writeString(out, value);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    static GroupKey decodeKey(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            version(in);
            String id = readString(in);
            int count = in.readInt();
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(readString(in));
            }
            return new GroupKey(id, values);
        } catch (IOException e) {
            throw new SerializationException("not a correlation group key: " + e.getMessage(), e);
        }
    }

    static byte[] encode(GroupState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 48 * state.entries().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(state.clock());
            out.writeLong(state.windowStart());
            out.writeInt(state.entries().size());
            for (GroupState.Entry entry : state.entries()) {
                out.writeLong(entry.time());
                writeString(out, entry.eventId());
                out.writeInt(entry.rule());
                out.writeBoolean(entry.value() != null);
                if (entry.value() != null) {
                    writeString(out, entry.value());
                }
                out.writeDouble(entry.number());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen in memory", e);
        }
        return bytes.toByteArray();
    }

    static GroupState decodeState(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            version(in);
            long clock = in.readLong();
            long windowStart = in.readLong();
            int count = in.readInt();
            List<GroupState.Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long time = in.readLong();
                String eventId = readString(in);
                int rule = in.readInt();
                String value = in.readBoolean() ? readString(in) : null;
                entries.add(new GroupState.Entry(time, eventId, rule, value, in.readDouble()));
            }
            return new GroupState(clock, windowStart, entries);
        } catch (IOException e) {
            throw new SerializationException("not a correlation group state: " + e.getMessage(), e);
        }
    }

    private static void version(DataInputStream in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IOException("format version " + version + ", this soc reads " + VERSION);
        }
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes does not fit");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
