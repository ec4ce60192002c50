package com.ramparts.detection.ioc;

import java.util.Locale;

/**
 * What an indicator's value is. Each type has one normal form ({@link IndicatorValues}) and the ECS
 * fields it is looked up in ({@link IocFields}).
 */
public enum IndicatorType {
    /** An IPv4 or IPv6 address, or a CIDR network of either. */
    ADDRESS("ip"),
    /** A domain name; it also matches every subdomain. */
    DOMAIN("domain"),
    /** A URL, compared without scheme, fragment or default port. */
    URL("url"),
    MD5("md5"),
    SHA1("sha1"),
    SHA256("sha256"),
    EMAIL("email");

    private final String csvName;

    IndicatorType(String csvName) {
        this.csvName = csvName;
    }

    /** The name in the CSV {@code type} column and in alerts. */
    public String csvName() {
        return csvName;
    }

    /**
     * The type a CSV {@code type} cell names: ours ({@code ip}, {@code domain}, ...) or the common
     * STIX/MISP spellings ({@code ipv4-addr}, {@code ip-dst}, {@code domain-name}, {@code hostname},
     * {@code sha-256}, {@code email-addr}...). Null when it names none.
     */
    public static IndicatorType parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "ip", "cidr", "ipv4", "ipv6", "ipv4-addr", "ipv6-addr", "ip-src", "ip-dst", "ip-addr", "address" -> ADDRESS;
            case "domain", "domain-name", "hostname", "fqdn" -> DOMAIN;
            case "url", "uri-full" -> URL;
            case "md5" -> MD5;
            case "sha1", "sha-1" -> SHA1;
            case "sha256", "sha-256" -> SHA256;
            case "email", "email-addr", "email-src", "email-dst", "e-mail" -> EMAIL;
            default -> null;
        };
    }
}
