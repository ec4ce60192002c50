package com.ramparts.agent.parse.suricata;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One EVE record into one draft. The common part (time, 5-tuple, flow id, interface) is mapped here,
 * each event type's own object by {@link EveSections}, and the ECS classification is decided once the
 * whole object is read, because {@code event_type} may appear after the objects it explains.
 */
public final class EveParser extends BoundedParser {

    public static final String FORMAT = "suricata-eve";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        Draft draft = Draft.at(record.receivedAt(), text);
        Seen seen = new Seen();
        try (JsonParser p = Json.open(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw Json.wrong("EVE record", "a JSON object", p);
            }
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                p.nextToken();
                field(name, p, draft, seen);
            }
            Json.expectEnd(p);
        }
        if (seen.type == null) {
            throw new ParseException("not an EVE record: it has no event_type");
        }
        if (!seen.timestamped) {
            throw new ParseException("EVE " + Texts.shorten(seen.type) + " record has no timestamp");
        }
        if (!seen.relatedIps.isEmpty()) {
            draft.put("related.ip", seen.relatedIps);
        }
        counters(seen, draft);
        EveTypes.classify(seen, draft);
        draft.source("suricata", "suricata.eve", "OISF", "Suricata", "ids");
        out.add(draft);
    }

    private static void field(String name, JsonParser p, Draft draft, Seen seen) throws ParseException {
        switch (name) {
            case "timestamp" -> {
                draft.timestamp(Timestamps.iso(requireText(p, name), ZoneOffset.UTC));
                seen.timestamped = true;
            }
            case "event_type" -> {
                seen.type = requireText(p, name).toLowerCase(Locale.ROOT);
                draft.put("suricata.eve.event_type", seen.type);
            }
            case "src_ip" -> ip(p, name, "source.ip", draft, seen);
            case "dest_ip" -> ip(p, name, "destination.ip", draft, seen);
            case "src_port" -> draft.put("source.port", Json.port(p, name));
            case "dest_port" -> draft.put("destination.port", Json.port(p, name));
            case "proto" -> proto(p, draft);
            case "app_proto" -> {
                String app = Json.text(p, name);
                if (app != null && !app.equals("failed") && !app.equals("unknown")) {
                    seen.appProto = app.toLowerCase(Locale.ROOT);
                }
            }
            case "flow_id" -> longOrText(p, name, "suricata.eve.flow_id", draft);
            case "parent_id" -> longOrText(p, name, "suricata.eve.parent_id", draft);
            case "tx_id" -> draft.put("suricata.eve.tx_id", Json.whole(p, name));
            case "pcap_cnt" -> draft.put("suricata.eve.pcap_cnt", Json.whole(p, name));
            case "pkt_src" -> draft.put("suricata.eve.pkt_src", Json.text(p, name));
            case "in_iface" -> draft.put("observer.ingress.interface.name", Json.text(p, name));
            case "host" -> draft.put("observer.hostname", Json.text(p, name));
            case "community_id" -> draft.put("network.community_id", Json.text(p, name));
            case "direction" -> {
                seen.direction = Json.text(p, name);
                draft.put("suricata.eve.direction", seen.direction);
            }
            case "vlan" -> {
                List<String> ids = Json.strings(p, name);
                if (!ids.isEmpty()) {
                    draft.put("network.vlan.id", ids.get(0));
                }
            }
            case "icmp_type" -> draft.put("suricata.eve.icmp_type", Json.whole(p, name));
            case "icmp_code" -> draft.put("suricata.eve.icmp_code", Json.whole(p, name));
            default -> EveSections.section(name, p, draft, seen);
        }
    }

    private static String requireText(JsonParser p, String name) throws ParseException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw Json.wrong(name, "a string", p);
        }
        return p.getString();
    }

    private static void ip(JsonParser p, String name, String field, Draft draft, Seen seen) throws ParseException {
        String ip = Json.text(p, name);
        if (ip != null && !draft.has(field)) {
            draft.putIp(field, ip);
            seen.relatedIps.add(ip);
        }
    }

    private static void proto(JsonParser p, Draft draft) throws ParseException {
        String proto = Json.text(p, "proto");
        if (proto == null) {
            return;
        }
        if (proto.chars().allMatch(Character::isDigit) && !proto.isEmpty() && proto.length() <= 3) {
            draft.put("network.iana_number", String.valueOf(Integer.parseInt(proto)));
        } else {
            draft.put("network.transport", proto.toLowerCase(Locale.ROOT));
        }
    }

    /** Flow ids are 64-bit unsigned in Suricata; those beyond a long stay text rather than fail. */
    private static void longOrText(JsonParser p, String name, String field, Draft draft) throws ParseException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            draft.put(field, p.getString());
        } else {
            draft.put(field, Json.whole(p, name));
        }
    }

    /**
     * A flow's counters are per direction of the flow; a record's source is the flow's client except in
     * a record logged {@code to_client}, where source and destination are the other way round.
     */
    private static void counters(Seen seen, Draft draft) {
        boolean reversed = "to_client".equals(seen.direction);
        String client = reversed ? "destination" : "source";
        String server = reversed ? "source" : "destination";
        long[] c = seen.counters;
        if (c[0] >= 0) {
            draft.put(client + ".packets", c[0]);
        }
        if (c[1] >= 0) {
            draft.put(server + ".packets", c[1]);
        }
        if (c[2] >= 0) {
            draft.put(client + ".bytes", c[2]);
        }
        if (c[3] >= 0) {
            draft.put(server + ".bytes", c[3]);
        }
    }

    /** What the single pass learned that decides the classification at the end. */
    static final class Seen {
        String type;
        boolean timestamped;
        String appProto;
        String alertAction;
        String action;
        String direction;
        /** packets to server, packets to client, bytes to server, bytes to client; -1 when absent */
        final long[] counters = {-1, -1, -1, -1};
        final List<String> relatedIps = new ArrayList<>(2);
    }
}
