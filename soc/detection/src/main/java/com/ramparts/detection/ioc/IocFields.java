package com.ramparts.detection.ioc;

import java.util.List;

/**
 * The ECS fields each indicator type is looked for in, most specific first (a hit names the first
 * field it was found in; the {@code related.*} pivots come last). Strings and string lists are read;
 * other value types are skipped.
 */
public final class IocFields {

    public static final List<String> ADDRESS = List.of("source.ip", "destination.ip", "client.ip", "server.ip",
            "source.nat.ip", "destination.nat.ip", "host.ip", "dns.resolved_ip", "related.ip");

    public static final List<String> DOMAIN = List.of("dns.question.name", "url.domain", "tls.client.server_name",
            "destination.domain", "source.domain", "server.domain", "client.domain", "related.hosts");

    /** {@code url.original} that is only a path (Suricata's http.url) is joined to {@code url.domain} and {@code url.port}. */
    public static final List<String> URL = List.of("url.full", "url.original");

    public static final List<String> HASH = List.of("file.hash.sha256", "file.hash.sha1", "file.hash.md5",
            "process.hash.sha256", "process.hash.sha1", "process.hash.md5", "related.hash");

    public static final List<String> EMAIL = List.of("email.from.address", "email.sender.address",
            "email.reply_to.address", "email.to.address", "email.cc.address", "email.bcc.address", "user.email",
            "source.user.email", "destination.user.email");

    /** What a field carries. */
    enum Kind { ADDRESS, DOMAIN, URL, HASH, EMAIL }

    /** A field we look in; a lower rank is more specific. */
    record Field(String name, Kind kind, int rank) {
    }

    static final java.util.Map<String, Field> BY_NAME = byName();

    private static java.util.Map<String, Field> byName() {
        java.util.Map<String, Field> fields = new java.util.HashMap<>();
        java.util.Map<Kind, List<String>> lists = java.util.Map.of(Kind.ADDRESS, ADDRESS, Kind.DOMAIN, DOMAIN, Kind.URL, URL,
                Kind.HASH, HASH, Kind.EMAIL, EMAIL);
        lists.forEach((kind, names) -> {
            for (int i = 0; i < names.size(); i++) {
                fields.put(names.get(i), new Field(names.get(i), kind, i));
            }
        });
        return java.util.Map.copyOf(fields);
    }

    static final String URL_DOMAIN = "url.domain";
    static final String URL_PORT = "url.port";

    private IocFields() {
    }
}
