package com.ramparts.agent.parse.suricata;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Ips;
import com.ramparts.agent.parse.common.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * EVE's {@code dns} object in every layout Suricata has written: v2 (Suricata 5-7: {@code query}/
 * {@code answer}, question in {@code rrname}/{@code rrtype}), v3 (Suricata 8: {@code request}/
 * {@code response}, questions in a {@code queries} array), the {@code query} array inside v2 alerts,
 * v1's one answer per record ({@code rdata} at the top), and answers detailed or {@code grouped}.
 * ECS's {@code dns.answers} is an array of objects; it is written as parallel lists
 * ({@code dns.answers.name/type/data}), which is how OpenSearch indexes object arrays anyway.
 */
final class EveDns {

    private EveDns() {
    }

    static void dns(JsonParser p, Draft draft) throws ParseException {
        Answers answers = new Answers();
        Answers grouped = new Answers();
        List<String> flags = new ArrayList<>(4);
        EveSections.fields(p, "dns", (name, v) -> {
            switch (name) {
                case "type" -> {
                    String type = Json.text(v, "dns.type");
                    draft.put("dns.type", switch (type == null ? "" : type) {
                        case "query", "request" -> "query";
                        case "answer", "response" -> "answer";
                        default -> type;
                    });
                }
                case "version" -> draft.put("suricata.eve.dns.version", Json.whole(v, "dns.version"));
                case "id" -> draft.put("dns.id", String.valueOf(Json.whole(v, "dns.id")));
                case "flags" -> draft.put("suricata.eve.dns.flags", Json.text(v, "dns.flags"));
                case "qr", "aa", "tc", "rd", "ra", "z", "ad", "cd" -> {
                    if (Json.bool(v, "dns." + name)) {
                        flags.add(name.toUpperCase(Locale.ROOT));
                    }
                }
                case "opcode" -> draft.put("dns.op_code", opcode(Json.whole(v, "dns.opcode")));
                case "rcode" -> draft.put("dns.response_code", Json.text(v, "dns.rcode"));
                case "rrname" -> draft.put("dns.question.name", Json.text(v, "dns.rrname"));
                case "rrtype" -> draft.put("dns.question.type", Json.text(v, "dns.rrtype"));
                case "queries", "query" -> questions(v, "dns." + name, draft);
                case "answers" -> records(v, "dns.answers", answers);
                case "grouped" -> grouped(v, grouped); // Suricata 7 may log both styles of the same answers
                case "rdata" -> answers.add(null, null, Json.text(v, "dns.rdata")); // v1: one answer per record
                default -> Json.skip(v);
            }
        });
        Answers kept = answers.data.isEmpty() ? grouped : answers;
        draft.put("dns.header_flags", flags);
        draft.put("dns.answers.name", kept.names);
        draft.put("dns.answers.type", kept.types);
        draft.put("dns.answers.data", kept.data);
        draft.put("dns.resolved_ip", kept.ips);
    }

    private static void questions(JsonParser p, String field, Draft draft) throws ParseException {
        Json.expectArray(p, field);
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            EveSections.fields(p, field, (name, v) -> {
                switch (name) {
                    case "rrname" -> draft.put("dns.question.name", Json.text(v, field + ".rrname"));
                    case "rrtype" -> draft.put("dns.question.type", Json.text(v, field + ".rrtype"));
                    case "type" -> draft.put("dns.type", "query");
                    case "id" -> draft.put("dns.id", String.valueOf(Json.whole(v, field + ".id")));
                    default -> Json.skip(v);
                }
            });
        }
    }

    private static void records(JsonParser p, String field, Answers answers) throws ParseException {
        Json.expectArray(p, field);
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            String[] record = new String[3];
            EveSections.fields(p, field, (name, v) -> {
                switch (name) {
                    case "rrname" -> record[0] = Json.text(v, field + ".rrname");
                    case "rrtype" -> record[1] = Json.text(v, field + ".rrtype");
                    case "rdata" -> record[2] = Json.text(v, field + ".rdata");
                    default -> Json.skip(v);
                }
            });
            answers.add(record[0], record[1], record[2]);
        }
    }

    private static void grouped(JsonParser p, Answers answers) throws ParseException {
        EveSections.fields(p, "dns.grouped", (type, v) -> {
            for (String data : Json.strings(v, "dns.grouped." + type)) {
                answers.add(null, type, data);
            }
        });
    }

    private static String opcode(long code) {
        return switch ((int) Math.min(code, 16)) {
            case 0 -> "QUERY";
            case 1 -> "IQUERY";
            case 2 -> "STATUS";
            case 4 -> "NOTIFY";
            case 5 -> "UPDATE";
            default -> String.valueOf(code);
        };
    }

    private static final class Answers {
        final List<String> names = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        final List<String> data = new ArrayList<>();
        final List<String> ips = new ArrayList<>();

        void add(String name, String type, String value) {
            if (names.size() >= Draft.MAX_LIST) {
                return;
            }
            names.add(name == null ? "" : name);
            types.add(type == null ? "" : type);
            data.add(value == null ? "" : value);
            if (value != null && ("A".equals(type) || "AAAA".equals(type) || type == null) && Ips.isValid(value)) {
                ips.add(value);
            }
        }
    }
}
