package com.ramparts.agent.parse.suricata;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** The per-event-type objects of an EVE record; anything unknown is skipped (it stays in event.original). */
final class EveSections {

    private EveSections() {
    }

    static void fields(JsonParser p, String object, Json.FieldHandler handler) throws ParseException {
        Json.fields(p, object, handler);
    }

    static void section(String name, JsonParser p, Draft draft, EveParser.Seen seen) throws ParseException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        switch (name) {
            case "alert" -> alert(p, draft, seen);
            case "flow" -> flow(p, draft, seen);
            case "netflow" -> netflow(p, draft);
            case "http" -> http(p, draft);
            case "dns" -> EveDns.dns(p, draft);
            case "tls" -> tls(p, draft);
            case "ssh" -> ssh(p, draft);
            case "smtp" -> smtp(p, draft);
            case "email" -> email(p, draft);
            case "fileinfo" -> fileinfo(p, draft);
            case "dhcp" -> dhcp(p, draft, seen);
            case "anomaly" -> anomaly(p, draft, seen);
            case "drop" -> drop(p, draft);
            case "stats" -> EveStats.stats(p, draft);
            case "tcp" -> tcp(p, draft);
            case "ether" -> ether(p, draft);
            default -> Json.skip(p);
        }
    }

    private static void alert(JsonParser p, Draft draft, EveParser.Seen seen) throws ParseException {
        fields(p, "alert", (name, v) -> {
            switch (name) {
                case "action" -> seen.alertAction = Json.text(v, "alert.action");
                case "gid" -> draft.put("suricata.eve.alert.gid", Json.whole(v, "alert.gid"));
                case "signature_id" -> draft.put("rule.id", String.valueOf(Json.whole(v, "alert.signature_id")));
                case "rev" -> draft.put("rule.version", String.valueOf(Json.whole(v, "alert.rev")));
                case "signature" -> draft.put("rule.name", Json.text(v, "alert.signature"));
                case "category" -> draft.put("rule.category", Json.text(v, "alert.category"));
                case "severity" -> draft.put("event.severity", Json.whole(v, "alert.severity"));
                default -> Json.skip(v);
            }
        });
    }

    /** The counters go by direction once the whole record is read: see {@link EveParser.Seen#counters}. */
    private static void flow(JsonParser p, Draft draft, EveParser.Seen seen) throws ParseException {
        Instant[] span = new Instant[2];
        fields(p, "flow", (name, v) -> {
            switch (name) {
                case "pkts_toserver" -> seen.counters[0] = Json.whole(v, "flow.pkts_toserver");
                case "pkts_toclient" -> seen.counters[1] = Json.whole(v, "flow.pkts_toclient");
                case "bytes_toserver" -> seen.counters[2] = Json.whole(v, "flow.bytes_toserver");
                case "bytes_toclient" -> seen.counters[3] = Json.whole(v, "flow.bytes_toclient");
                case "start" -> span[0] = time(v, "flow.start");
                case "end" -> span[1] = time(v, "flow.end");
                case "age" -> draft.put("suricata.eve.flow.age", Json.whole(v, "flow.age"));
                case "state" -> draft.put("suricata.eve.flow.state", Json.text(v, "flow.state"));
                case "reason" -> draft.put("suricata.eve.flow.reason", Json.text(v, "flow.reason"));
                case "alerted" -> draft.put("suricata.eve.flow.alerted", Json.bool(v, "flow.alerted"));
                default -> Json.skip(v);
            }
        });
        span(draft, span);
    }

    private static void netflow(JsonParser p, Draft draft) throws ParseException {
        Instant[] span = new Instant[2];
        fields(p, "netflow", (name, v) -> {
            switch (name) {
                case "pkts" -> draft.put("source.packets", Json.whole(v, "netflow.pkts"));
                case "bytes" -> draft.put("source.bytes", Json.whole(v, "netflow.bytes"));
                case "start" -> span[0] = time(v, "netflow.start");
                case "end" -> span[1] = time(v, "netflow.end");
                case "age" -> draft.put("suricata.eve.netflow.age", Json.whole(v, "netflow.age"));
                case "min_ttl" -> draft.put("suricata.eve.netflow.min_ttl", Json.whole(v, "netflow.min_ttl"));
                case "max_ttl" -> draft.put("suricata.eve.netflow.max_ttl", Json.whole(v, "netflow.max_ttl"));
                default -> Json.skip(v);
            }
        });
        span(draft, span);
    }

    private static Instant time(JsonParser p, String field) throws ParseException {
        String text = Json.text(p, field);
        return text == null ? null : Timestamps.iso(text, ZoneOffset.UTC);
    }

    private static void span(Draft draft, Instant[] span) {
        if (span[0] != null) {
            draft.put("event.start", span[0].toString());
        }
        if (span[1] != null) {
            draft.put("event.end", span[1].toString());
        }
        if (span[0] != null && span[1] != null && !span[1].isBefore(span[0])) {
            long seconds = span[1].getEpochSecond() - span[0].getEpochSecond();
            if (seconds < Long.MAX_VALUE / 1_000_000_000L) {
                draft.put("event.duration", seconds * 1_000_000_000L + span[1].getNano() - span[0].getNano());
            }
        }
    }

    private static void http(JsonParser p, Draft draft) throws ParseException {
        fields(p, "http", (name, v) -> {
            switch (name) {
                case "hostname" -> draft.put("url.domain", Json.text(v, "http.hostname"));
                case "url" -> url(Json.text(v, "http.url"), draft);
                case "http_port" -> draft.put("url.port", Json.port(v, "http.http_port"));
                case "http_user_agent" -> draft.put("user_agent.original", Json.text(v, "http.http_user_agent"));
                case "http_content_type" -> draft.put("http.response.mime_type", Json.text(v, "http.http_content_type"));
                case "http_method" -> draft.put("http.request.method", Json.text(v, "http.http_method"));
                case "http_refer" -> draft.put("http.request.referrer", Json.text(v, "http.http_refer"));
                case "protocol" -> {
                    String protocol = Json.text(v, "http.protocol");
                    if (protocol != null && protocol.startsWith("HTTP/")) {
                        draft.put("http.version", protocol.substring(5));
                    }
                }
                case "status" -> draft.put("http.response.status_code", Json.whole(v, "http.status"));
                case "length" -> draft.put("http.response.body.bytes", Json.whole(v, "http.length"));
                case "redirect" -> draft.put("suricata.eve.http.redirect", Json.text(v, "http.redirect"));
                case "xff" -> draft.put("suricata.eve.http.xff", Json.text(v, "http.xff"));
                default -> Json.skip(v);
            }
        });
    }

    private static void url(String url, Draft draft) {
        if (url == null) {
            return;
        }
        draft.put("url.original", url);
        int query = url.indexOf('?');
        draft.put("url.path", query < 0 ? url : url.substring(0, query));
        if (query >= 0) {
            draft.put("url.query", url.substring(query + 1));
        }
    }

    private static void tls(JsonParser p, Draft draft) throws ParseException {
        fields(p, "tls", (name, v) -> {
            switch (name) {
                case "subject" -> {
                    String subject = Json.text(v, "tls.subject");
                    draft.put("tls.server.subject", subject);
                    draft.put("tls.server.x509.subject.common_name", commonName(subject));
                }
                case "issuerdn" -> {
                    String issuer = Json.text(v, "tls.issuerdn");
                    draft.put("tls.server.issuer", issuer);
                    draft.put("tls.server.x509.issuer.common_name", commonName(issuer));
                }
                case "serial" -> draft.put("tls.server.x509.serial_number", hex(Json.text(v, "tls.serial")));
                case "fingerprint" -> draft.put("tls.server.hash.sha1", hex(Json.text(v, "tls.fingerprint")));
                case "sni" -> {
                    String sni = Json.text(v, "tls.sni");
                    draft.put("tls.client.server_name", sni);
                    draft.put("destination.domain", sni);
                }
                case "version" -> tlsVersion(Json.text(v, "tls.version"), draft);
                case "notbefore" -> draft.put("tls.server.x509.not_before", certTime(v, "tls.notbefore"));
                case "notafter" -> draft.put("tls.server.x509.not_after", certTime(v, "tls.notafter"));
                case "ja3" -> hash(v, "tls.ja3", "tls.client.ja3", draft);
                case "ja3s" -> hash(v, "tls.ja3s", "tls.server.ja3s", draft);
                case "ja4" -> draft.put("tls.client.ja4", Json.text(v, "tls.ja4"));
                case "session_resumed" -> draft.put("tls.resumed", Json.bool(v, "tls.session_resumed"));
                default -> Json.skip(v);
            }
        });
    }

    private static void hash(JsonParser p, String object, String field, Draft draft) throws ParseException {
        fields(p, object, (name, v) -> {
            if (name.equals("hash")) {
                draft.put(field, Json.text(v, object + ".hash"));
            } else {
                Json.skip(v);
            }
        });
    }

    private static String commonName(String dn) {
        if (dn == null) {
            return null;
        }
        for (String part : dn.split(",")) {
            String trimmed = part.trim();
            if (trimmed.startsWith("CN=")) {
                return trimmed.substring(3);
            }
        }
        return null;
    }

    /** ECS writes serials and fingerprints as upper-case hex without separators. */
    private static String hex(String value) {
        return value == null ? null : value.replace(":", "").toUpperCase(Locale.ROOT);
    }

    /** Suricata writes certificate times in UTC without an offset. */
    private static String certTime(JsonParser p, String field) throws ParseException {
        String text = Json.text(p, field);
        return text == null ? null : Timestamps.iso(text, ZoneOffset.UTC).toString();
    }

    private static void tlsVersion(String version, Draft draft) {
        if (version == null) {
            return;
        }
        String v = version.replace("v", " ").trim();
        if (v.startsWith("TLS ")) {
            draft.put("tls.version_protocol", "tls");
            draft.put("tls.version", v.substring(4).trim());
        } else if (v.startsWith("SSL ")) {
            draft.put("tls.version_protocol", "ssl");
            draft.put("tls.version", v.substring(4).trim() + ".0");
        } else {
            draft.put("suricata.eve.tls.version", version);
        }
    }

    private static void ssh(JsonParser p, Draft draft) throws ParseException {
        fields(p, "ssh", (side, v) -> {
            if (side.equals("client") || side.equals("server")) {
                fields(v, "ssh." + side, (name, w) -> {
                    switch (name) {
                        case "proto_version", "software_version" ->
                                draft.put("suricata.eve.ssh." + side + "." + name, Json.text(w, "ssh." + side + "." + name));
                        case "hassh" -> hash(w, "ssh." + side + ".hassh", "suricata.eve.ssh." + side + ".hassh", draft);
                        default -> Json.skip(w);
                    }
                });
            } else {
                Json.skip(v);
            }
        });
    }

    private static void smtp(JsonParser p, Draft draft) throws ParseException {
        fields(p, "smtp", (name, v) -> {
            switch (name) {
                case "helo" -> draft.put("suricata.eve.smtp.helo", Json.text(v, "smtp.helo"));
                case "mail_from" -> draft.put("email.from.address", address(Json.text(v, "smtp.mail_from")));
                case "rcpt_to" -> draft.put("email.to.address", Json.strings(v, "smtp.rcpt_to").stream().map(EveSections::address).toList());
                default -> Json.skip(v);
            }
        });
    }

    private static void email(JsonParser p, Draft draft) throws ParseException {
        fields(p, "email", (name, v) -> {
            switch (name) {
                case "from" -> draft.put("email.from.address", address(Json.text(v, "email.from")));
                case "to" -> draft.put("email.to.address", Json.strings(v, "email.to").stream().map(EveSections::address).toList());
                case "cc" -> draft.put("email.cc.address", Json.strings(v, "email.cc").stream().map(EveSections::address).toList());
                case "subject" -> draft.put("email.subject", Json.text(v, "email.subject"));
                case "status" -> draft.put("suricata.eve.email.status", Json.text(v, "email.status"));
                case "attachment" -> draft.put("email.attachments.file.name", Json.strings(v, "email.attachment"));
                default -> Json.skip(v);
            }
        });
    }

    private static String address(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    private static void fileinfo(JsonParser p, Draft draft) throws ParseException {
        fields(p, "fileinfo", (name, v) -> {
            switch (name) {
                case "filename" -> {
                    String path = Json.text(v, "fileinfo.filename");
                    draft.put("file.path", path);
                    draft.put("file.name", path == null ? null : Texts.baseName(path));
                }
                case "size" -> draft.put("file.size", Json.whole(v, "fileinfo.size"));
                case "md5", "sha1", "sha256" -> draft.put("file.hash." + name, Json.text(v, "fileinfo." + name));
                case "magic" -> draft.put("suricata.eve.fileinfo.magic", Json.text(v, "fileinfo.magic"));
                case "state" -> draft.put("suricata.eve.fileinfo.state", Json.text(v, "fileinfo.state"));
                case "stored" -> draft.put("suricata.eve.fileinfo.stored", Json.bool(v, "fileinfo.stored"));
                case "gaps" -> draft.put("suricata.eve.fileinfo.gaps", Json.bool(v, "fileinfo.gaps"));
                case "file_id" -> draft.put("suricata.eve.fileinfo.file_id", Json.whole(v, "fileinfo.file_id"));
                default -> Json.skip(v);
            }
        });
    }

    private static void dhcp(JsonParser p, Draft draft, EveParser.Seen seen) throws ParseException {
        fields(p, "dhcp", (name, v) -> {
            switch (name) {
                case "type" -> draft.put("suricata.eve.dhcp.type", Json.text(v, "dhcp.type"));
                case "id" -> draft.put("suricata.eve.dhcp.id", Json.whole(v, "dhcp.id"));
                case "client_mac" -> draft.putMac("client.mac", Json.text(v, "dhcp.client_mac"));
                case "assigned_ip", "client_ip", "relay_ip", "next_server_ip", "subnet_mask", "requested_ip" -> {
                    String ip = Json.text(v, "dhcp." + name);
                    if (ip != null) {
                        draft.putIp("suricata.eve.dhcp." + name, ip);
                    }
                }
                case "dhcp_type" -> {
                    seen.action = Json.text(v, "dhcp.dhcp_type");
                    draft.put("suricata.eve.dhcp.dhcp_type", seen.action);
                }
                case "hostname" -> {
                    String host = Json.text(v, "dhcp.hostname");
                    draft.put("suricata.eve.dhcp.hostname", host);
                    draft.put("related.hosts", host);
                }
                case "lease_time", "rebinding_time", "renewal_time" ->
                        draft.put("suricata.eve.dhcp." + name, Json.whole(v, "dhcp." + name));
                default -> Json.skip(v);
            }
        });
    }

    private static void anomaly(JsonParser p, Draft draft, EveParser.Seen seen) throws ParseException {
        fields(p, "anomaly", (name, v) -> {
            switch (name) {
                case "event" -> {
                    seen.action = Json.text(v, "anomaly.event");
                    draft.put("suricata.eve.anomaly.event", seen.action);
                }
                case "type", "layer", "app_proto" -> draft.put("suricata.eve.anomaly." + name, Json.text(v, "anomaly." + name));
                case "code" -> draft.put("suricata.eve.anomaly.code", Json.whole(v, "anomaly.code"));
                default -> Json.skip(v);
            }
        });
    }

    private static void drop(JsonParser p, Draft draft) throws ParseException {
        fields(p, "drop", (name, v) -> {
            switch (v.currentToken()) {
                case VALUE_NUMBER_INT -> draft.put("suricata.eve.drop." + safe(name), Json.whole(v, "drop." + name));
                case VALUE_TRUE, VALUE_FALSE -> draft.put("suricata.eve.drop." + safe(name), Json.bool(v, "drop." + name));
                case VALUE_STRING -> draft.put("suricata.eve.drop." + safe(name), Json.text(v, "drop." + name));
                default -> Json.skip(v);
            }
        });
    }

    private static void tcp(JsonParser p, Draft draft) throws ParseException {
        fields(p, "tcp", (name, v) -> {
            switch (v.currentToken()) {
                case VALUE_TRUE, VALUE_FALSE -> draft.put("suricata.eve.tcp." + safe(name), Json.bool(v, "tcp." + name));
                case VALUE_STRING -> draft.put("suricata.eve.tcp." + safe(name), Json.text(v, "tcp." + name));
                default -> Json.skip(v);
            }
        });
    }

    private static void ether(JsonParser p, Draft draft) throws ParseException {
        fields(p, "ether", (name, v) -> {
            switch (name) {
                case "src_mac" -> draft.putMac("source.mac", Json.text(v, "ether.src_mac"));
                case "dest_mac" -> draft.putMac("destination.mac", Json.text(v, "ether.dest_mac"));
                default -> Json.skip(v);
            }
        });
    }

    static String safe(String key) {
        return Texts.fieldSegment(key);
    }
}
