package com.ramparts.detection.ioc;

import com.ramparts.detection.ioc.JsonTree.ArrayNode;
import com.ramparts.detection.ioc.JsonTree.Node;
import com.ramparts.detection.ioc.JsonTree.ObjectNode;
import com.ramparts.detection.rule.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * MISP event exports (MISP core format, {@code draft-dulaunoy-misp-core-format}): a document
 * {@code {"Event": {...}}}, a restSearch answer {@code {"response": [{"Event": {...}}, ...]}}, or an
 * array of such events. Every {@code Attribute} of an event, and of its {@code Object}s, with
 * {@code to_ids} true and not deleted becomes an indicator when its type is one we match:
 * <pre>
 * ip-src ip-dst (address or CIDR), ip-src|port ip-dst|port       -> ip
 * domain hostname hostname|port, domain|ip (both parts)          -> domain (and ip)
 * url                                                            -> url
 * md5 sha1 sha256, filename|md5 filename|sha1 filename|sha256    -> hash
 * email email-src email-dst                                      -> email
 * </pre>
 * Other types are counted as skipped (one summary, not a problem per attribute). Level from the
 * event's {@code threat_level_id}: 1 high, 2 medium, 3 low, 4 (undefined) medium. TLP from a
 * {@code tlp:*} tag on the attribute, else on the event. MISP has no expiry: attributes stay valid
 * until the event is withdrawn from the feed (or deleted there).
 */
final class MispEventReader {

    private MispEventReader() {
    }

    /** Whether the document looks like a MISP export (so the loader can tell it from STIX). */
    static boolean looksLikeMisp(Node root) {
        if (root instanceof ObjectNode object) {
            return object.get("Event") != null || object.get("response") != null;
        }
        return root instanceof ArrayNode array && !array.items().isEmpty()
                && array.items().getFirst() instanceof ObjectNode first && first.get("Event") != null;
    }

    static IndicatorFeed read(String feed, String file, Node root, int maxIndicators) {
        FeedBuilder out = new FeedBuilder(feed, file, IndicatorFeed.Format.MISP, maxIndicators);
        List<Node> wrappers = new ArrayList<>();
        if (root instanceof ObjectNode object && object.get("Event") != null) {
            wrappers.add(object);
        } else if (root instanceof ObjectNode object && object.get("response") instanceof ArrayNode response) {
            wrappers.addAll(response.items());
        } else if (root instanceof ArrayNode array) {
            wrappers.addAll(array.items());
        } else {
            out.problem(root.line(), root.pointer(), "not a MISP event export: expected {\"Event\": ...},"
                    + " {\"response\": [...]} or an array of events");
            return out.build();
        }
        for (Node wrapper : wrappers) {
            if (wrapper instanceof ObjectNode object && object.get("Event") instanceof ObjectNode event) {
                event(event, out);
            } else {
                out.problem(wrapper.line(), wrapper.pointer(), "expected {\"Event\": {...}}, found " + wrapper.describe());
            }
        }
        return out.build();
    }

    private static void event(ObjectNode event, FeedBuilder out) {
        Level level = switch (String.valueOf(event.text("threat_level_id"))) {
            case "1" -> Level.HIGH;
            case "3" -> Level.LOW;
            default -> Level.MEDIUM;
        };
        Tlp eventTlp = tlp(event, null);
        String source = event.get("Orgc") instanceof ObjectNode orgc && orgc.text("name") != null ? orgc.text("name") : "";
        String info = event.text("info");
        Context context = new Context(level, eventTlp, source, info == null ? "" : info);
        attributes(event, context, out);
        if (event.get("Object") instanceof ArrayNode objects) {
            for (Node node : objects.items()) {
                if (node instanceof ObjectNode object) {
                    if (isTrue(object.text("deleted"))) {
                        out.skip("deleted object");
                        continue;
                    }
                    attributes(object, context, out);
                } else {
                    out.problem(node.line(), node.pointer(), "an Object must be a JSON object, not " + node.describe());
                }
            }
        } else if (event.get("Object") != null) {
            out.problem(event.get("Object").line(), event.get("Object").pointer(), "\"Object\" must be an array");
        }
    }

    private record Context(Level level, Tlp tlp, String source, String info) {
    }

    private static void attributes(ObjectNode container, Context context, FeedBuilder out) {
        Node list = container.get("Attribute");
        if (list == null) {
            return;
        }
        if (!(list instanceof ArrayNode attributes)) {
            out.problem(list.line(), list.pointer(), "\"Attribute\" must be an array");
            return;
        }
        for (Node node : attributes.items()) {
            if (!(node instanceof ObjectNode attribute)) {
                out.problem(node.line(), node.pointer(), "an Attribute must be a JSON object, not " + node.describe());
                continue;
            }
            attribute(attribute, context, out);
        }
    }

    private static void attribute(ObjectNode attribute, Context context, FeedBuilder out) {
        String type = attribute.text("type");
        String value = attribute.text("value");
        if (type == null || value == null) {
            out.problem(attribute.line(), attribute.pointer(), "an Attribute needs a type and a value");
            return;
        }
        if (isTrue(attribute.text("deleted"))) {
            out.skip("deleted");
            return;
        }
        if (!isTrue(attribute.text("to_ids"))) {
            out.skip("to_ids false");
            return;
        }
        List<IndicatorType> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String[] parts = value.split("\\|", -1);
        switch (type) {
            case "ip-src", "ip-dst" -> add(types, values, IndicatorType.ADDRESS, value);
            case "ip-src|port", "ip-dst|port" -> add(types, values, IndicatorType.ADDRESS, parts[0]);
            case "domain", "hostname" -> add(types, values, IndicatorType.DOMAIN, value);
            case "hostname|port" -> add(types, values, IndicatorType.DOMAIN, parts[0]);
            case "domain|ip" -> {
                if (parts.length != 2) {
                    out.problem(line(attribute), attribute.pointer() + "/value", "a domain|ip value must be domain|ip");
                    return;
                }
                add(types, values, IndicatorType.DOMAIN, parts[0]);
                add(types, values, IndicatorType.ADDRESS, parts[1]);
            }
            case "url" -> add(types, values, IndicatorType.URL, value);
            case "md5" -> add(types, values, IndicatorType.MD5, value);
            case "sha1" -> add(types, values, IndicatorType.SHA1, value);
            case "sha256" -> add(types, values, IndicatorType.SHA256, value);
            case "filename|md5", "filename|sha1", "filename|sha256" -> {
                if (parts.length != 2) {
                    out.problem(line(attribute), attribute.pointer() + "/value", "a " + type + " value must be filename|hash");
                    return;
                }
                add(types, values, IndicatorType.parse(type.substring(type.indexOf('|') + 1)), parts[1]);
            }
            case "email", "email-src", "email-dst" -> add(types, values, IndicatorType.EMAIL, value);
            default -> {
                out.skip("type " + type);
                return;
            }
        }
        String uuid = attribute.text("uuid");
        Tlp tlp = tlp(attribute, context.tlp());
        String comment = attribute.text("comment");
        String description = comment == null || comment.isBlank() ? context.info() : context.info() + " — " + comment;
        String version = attribute.text("timestamp") == null ? "" : epoch(attribute.text("timestamp"));
        for (int i = 0; i < types.size(); i++) {
            String id = uuid == null ? null : types.size() == 1 ? uuid : uuid + "#" + (i + 1);
            out.add(line(attribute), attribute.pointer() + "/value", id, types.get(i), values.get(i), context.level(), -1,
                    tlp, null, null, context.source(), description, version);
        }
    }

    private static void add(List<IndicatorType> types, List<String> values, IndicatorType type, String value) {
        types.add(type);
        values.add(value);
    }

    private static int line(ObjectNode attribute) {
        Node value = attribute.get("value");
        return value == null ? attribute.line() : value.line();
    }

    private static Tlp tlp(ObjectNode tagged, Tlp otherwise) {
        if (tagged.get("Tag") instanceof ArrayNode tags) {
            for (Node node : tags.items()) {
                if (node instanceof ObjectNode tag && tag.text("name") != null
                        && tag.text("name").regionMatches(true, 0, "tlp:", 0, 4)) {
                    Tlp tlp = Tlp.parse(tag.text("name"));
                    if (tlp != null) {
                        return tlp;
                    }
                }
            }
        }
        return otherwise;
    }

    private static boolean isTrue(String text) {
        return "true".equals(text) || "1".equals(text);
    }

    /** MISP timestamps are epoch seconds as strings. */
    private static String epoch(String seconds) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds)).toString();
        } catch (RuntimeException e) {
            return seconds;
        }
    }
}
