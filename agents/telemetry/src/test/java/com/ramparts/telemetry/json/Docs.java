package com.ramparts.telemetry.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents, written with single quotes for readability. */
final class Docs {

    static final String TIMESTAMP = "'@timestamp':'2026-03-01T08:15:30.123Z'";
    static final String RAMPARTS = "'ramparts':{'event_id':'agent-7:eve:42','site_id':'ward-03',"
            + "'agent_id':'agent-7','input_id':'eve','sequence':42}";

    private Docs() {
    }

    /** Single quotes become double quotes; write {@code \\u0027} for a literal single quote. */
    static byte[] json(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    /** A valid event with these extra members (comma-separated, single-quoted). */
    static byte[] eventWith(String members) {
        return json("{" + TIMESTAMP + "," + RAMPARTS + (members.isEmpty() ? "" : "," + members) + "}");
    }

    static byte[] fixture(String name) {
        try (InputStream in = Docs.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
