package com.ramparts.telemetry.json;

import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.InvalidEventException;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates valid events of every shape the model allows, reproducibly from a seed. */
final class RandomEvents {

    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    private static final List<String> DECLARED = List.of(Ecs.EVENT_KIND, Ecs.EVENT_CATEGORY, Ecs.EVENT_ACTION,
            Ecs.EVENT_SEVERITY, Ecs.EVENT_RISK_SCORE, Ecs.SOURCE_IP, Ecs.SOURCE_PORT, Ecs.DESTINATION_IP,
            Ecs.DESTINATION_PORT, Ecs.NETWORK_TRANSPORT, Ecs.RULE_NAME, Ecs.FILE_HASH_SHA256, Ecs.HOST_NAME,
            Ecs.TLS_ESTABLISHED, Ecs.TLS_SERVER_X509_SUBJECT_COMMON_NAME, Ecs.RELATED_IP, Ecs.URL_ORIGINAL);
    private static final List<String> KINDS = List.copyOf(Ecs.Kind.ALL);
    private static final String[] SEGMENTS = {"source", "destination", "event", "host", "ip", "port", "name", "x509",
            "suricata", "eve", "alert", "labels", "a", "b", "c", "metric_1"};

    private final Random random;

    RandomEvents(long seed) {
        this.random = new Random(seed);
    }

    TelemetryEvent next() {
        long second = random.nextLong(TelemetryEvent.EARLIEST.getEpochSecond(), TelemetryEvent.LATEST.getEpochSecond() + 1);
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            default -> random.nextInt(1_000_000_000);
        };
        Origin origin = Origin.of(id(), new EventId(id(), id(), sequence()));
        if (random.nextBoolean()) {
            origin = origin.withUnit(id());
        }
        if (random.nextInt(4) == 0) {
            origin = origin.withExercise(id());
        }
        TelemetryEvent.Builder event = TelemetryEvent.builder().timestamp(Instant.ofEpochSecond(second, nanos)).origin(origin);
        if (random.nextBoolean()) {
            event.original(text(random.nextInt(400)));
        }
        int fields = random.nextInt(40);
        for (int i = 0; i < fields; i++) {
            boolean declared = random.nextInt(3) == 0;
            String name = declared ? DECLARED.get(random.nextInt(DECLARED.size())) : name();
            FieldValue value = declared ? declaredValue(name) : value();
            try {
                event.put(name, value);
            } catch (InvalidEventException e) {
                // a duplicate or a name that clashes with an earlier one: skip it, as a normaliser would
            }
        }
        return event.build();
    }

    private long sequence() {
        return switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> Long.MAX_VALUE;
            default -> random.nextLong(Long.MAX_VALUE);
        };
    }

    private String id() {
        int length = random.nextInt(10) == 0 ? 64 : 1 + random.nextInt(20);
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++) {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    private String name() {
        int segments = 1 + random.nextInt(5);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < segments; i++) {
            if (i > 0) {
                name.append('.');
            }
            if (random.nextInt(3) > 0) {
                name.append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            } else {
                name.append((char) ('a' + random.nextInt(26)));
                String tail = i == 0 ? "abcdefghijklmnopqrstuvwxyz0123456789_" : "abcdefghijklmnopqrstuvwxyz0123456789_@";
                for (int j = random.nextInt(8); j > 0; j--) {
                    name.append(tail.charAt(random.nextInt(tail.length())));
                }
            }
        }
        return name.toString();
    }

    private FieldValue declaredValue(String name) {
        if (name.equals(Ecs.EVENT_KIND)) {
            return FieldValue.of(KINDS.get(random.nextInt(KINDS.size())));
        }
        return switch (Ecs.typeOf(name)) {
            case KEYWORD -> FieldValue.of(text(30));
            case KEYWORDS -> random.nextBoolean() ? FieldValue.of(text(30)) : FieldValue.of(strings());
            case LONG -> FieldValue.of(random.nextLong());
            case FLOAT -> random.nextBoolean() ? FieldValue.of(random.nextLong(100)) : FieldValue.of(finiteDouble());
            case BOOLEAN -> FieldValue.of(random.nextBoolean());
        };
    }

    private FieldValue value() {
        return switch (random.nextInt(5)) {
            case 0 -> FieldValue.of(text(random.nextInt(60)));
            case 1 -> FieldValue.of(random.nextBoolean() ? random.nextLong() : random.nextInt(70_000));
            case 2 -> FieldValue.of(finiteDouble());
            case 3 -> FieldValue.of(random.nextBoolean());
            default -> FieldValue.of(strings());
        };
    }

    private List<String> strings() {
        List<String> values = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            values.add(text(random.nextInt(20)));
        }
        return values;
    }

    private double finiteDouble() {
        return switch (random.nextInt(6)) {
            case 0 -> -0.0;
            case 1 -> random.nextBoolean() ? Double.MIN_VALUE : Double.MAX_VALUE;
            case 2 -> random.nextInt(1000) / 4.0;
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(d));
                yield d;
            }
        };
    }

    /** Text mixing ASCII, JSON's special characters, controls, Vietnamese, CJK, emoji and lone surrogates. */
    String text(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            switch (random.nextInt(10)) {
                case 0 -> text.append("\"\\/");
                case 1 -> text.append((char) random.nextInt(0x20));
                case 2 -> text.append("Phường Bến Nghé, Quận 1");
                case 3 -> text.append("東京都");
                case 4 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 5 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 6 -> text.append((char) (0x7f + random.nextInt(0x80)));
                default -> text.append((char) (' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }
}
