package com.ramparts.detection.ioc;

import com.ramparts.detection.modifier.Networks;
import java.net.IDN;
import java.util.Locale;

/**
 * The one normal form of each indicator type, used for the feed's values and for the event's alike,
 * so that matching is a hash lookup. Addresses: dotted IPv4 or eight lower-case IPv6 groups (a
 * network adds {@code /prefix}, host bits cleared); domains: lower case, no trailing dot, IDNs as
 * punycode; URLs: {@code host[:port]/path?query} (no scheme, user, fragment or default port; host
 * lower case, path as written); hashes: lower-case hex; e-mail: lower case.
 */
public final class IndicatorValues {

    static final int MAX_VALUE_LENGTH = 8_192;

    private IndicatorValues() {
    }

    /** A feed's value in normal form, or why it is not a valid value of that type. */
    public static String normalize(IndicatorType type, String text) throws InvalidIndicatorException {
        if (text == null || text.isBlank()) {
            throw new InvalidIndicatorException("the value is empty");
        }
        if (text.length() > MAX_VALUE_LENGTH) {
            throw new InvalidIndicatorException("the value is " + text.length() + " characters; at most "
                    + MAX_VALUE_LENGTH + " are accepted");
        }
        String value = refang(text.strip());
        return switch (type) {
            case ADDRESS -> network(value);
            case DOMAIN -> feedDomain(value);
            case URL -> feedUrl(value);
            case MD5, SHA1, SHA256 -> feedHash(type, value);
            case EMAIL -> feedEmail(value);
        };
    }

    /**
     * Undoes the usual defanging of shared indicators ({@code hxxp://}, {@code evil[.]example},
     * {@code 198.51.100[.]7}, {@code user[@]host}), which CERT warnings apply so nobody clicks them.
     */
    static String refang(String value) {
        if (value.indexOf('[') < 0 && value.indexOf('(') < 0 && !value.regionMatches(true, 0, "hxxp", 0, 4)) {
            return value;
        }
        String result = value.replace("[.]", ".").replace("(.)", ".").replace("[dot]", ".").replace("[:]", ":")
                .replace("[@]", "@").replace("[at]", "@").replace("[://]", "://");
        if (result.regionMatches(true, 0, "hxxp", 0, 4)) {
            result = "http" + result.substring(4);
        }
        return result;
    }

    private static String network(String value) throws InvalidIndicatorException {
        int slash = value.indexOf('/');
        byte[] address = Networks.address(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            throw new InvalidIndicatorException("'" + value + "' is not an IPv4 or IPv6 address or network");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String digits = value.substring(slash + 1);
            prefix = digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)
                    ? -1 : Integer.parseInt(digits);
            if (prefix < 0 || prefix > bits) {
                throw new InvalidIndicatorException("'" + value + "' has an invalid prefix length; it must be 0 to " + bits);
            }
            if (prefix < (bits == 32 ? 8 : 16)) {
                throw new InvalidIndicatorException("'" + value + "' covers too much of the Internet to be an indicator"
                        + " (at least /" + (bits == 32 ? 8 : 16) + ")");
            }
        }
        for (int i = prefix; i < bits; i++) {
            address[i >>> 3] &= (byte) ~(1 << (7 - (i & 7)));
        }
        return prefix == bits ? addressKey(address) : addressKey(address) + "/" + prefix;
    }

    /** The prefix length of an address indicator's normal form, or -1 for a single address. */
    static int prefixOf(String normal) {
        int slash = normal.indexOf('/');
        return slash < 0 ? -1 : Integer.parseInt(normal.substring(slash + 1));
    }

    /** Whether the text is already an IPv4 address in normal form (four decimal octets, no leading zeros). */
    static boolean isCanonicalIpv4(String text) {
        int length = text.length();
        if (length < 7 || length > 15) {
            return false;
        }
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (digits == 0) {
                    return false;
                }
                dots++;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && text.charAt(i - 1) == '0' && digits == 1) {
                    return false; // a leading zero
                }
                digits++;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0; // the octets' range was checked by the parser that came first
    }

    /** The normal form of an address's bytes (4 or 16). */
    static String addressKey(byte[] address) {
        StringBuilder key = new StringBuilder(address.length == 4 ? 15 : 39);
        if (address.length == 4) {
            for (int i = 0; i < 4; i++) {
                key.append(i == 0 ? "" : ".").append(address[i] & 0xFF);
            }
        } else {
            for (int i = 0; i < 16; i += 2) {
                key.append(i == 0 ? "" : ":").append(Integer.toHexString((address[i] & 0xFF) << 8 | (address[i + 1] & 0xFF)));
            }
        }
        return key.toString();
    }

    private static String feedDomain(String value) throws InvalidIndicatorException {
        String name = value.startsWith("*.") ? value.substring(2) : value;
        if (name.indexOf('/') >= 0 || name.indexOf(':') >= 0 || name.indexOf('@') >= 0) {
            throw new InvalidIndicatorException("'" + value + "' is not a domain name (a URL, address or e-mail? give it that type)");
        }
        if (Networks.address(name) != null) {
            throw new InvalidIndicatorException("'" + value + "' is an IP address; give it type ip");
        }
        String domain = domain(name);
        if (domain == null) {
            throw new InvalidIndicatorException("'" + value + "' is not a valid domain name");
        }
        if (domain.indexOf('.') < 0) {
            throw new InvalidIndicatorException("'" + value + "' is a top-level domain alone: it would match every name under it");
        }
        return domain;
    }

    /**
     * A domain name in normal form, or null when the text is not one: labels of letters, digits,
     * {@code -} and {@code _} (DNS service labels), at most 63 each and 253 in all.
     */
    public static String domain(String text) {
        if (text == null || text.isEmpty() || text.length() > 254) {
            return null;
        }
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (!name.chars().allMatch(c -> c < 0x80)) {
            try {
                name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (name.isEmpty() || name.length() > 253) {
            return null;
        }
        int label = 0;
        boolean lower = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (label == 0) {
                    return null;
                }
                label = 0;
                continue;
            }
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (c >= 'A' && c <= 'Z') {
                ok = true;
                lower = false;
            }
            if (!ok || ++label > 63) {
                return null;
            }
        }
        if (label == 0) {
            return null;
        }
        return lower ? name : name.toLowerCase(Locale.ROOT);
    }

    private static String feedUrl(String value) throws InvalidIndicatorException {
        int colonSlashes = value.indexOf("://");
        String scheme = colonSlashes < 0 ? "" : value.substring(0, colonSlashes).toLowerCase(Locale.ROOT);
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
            throw new InvalidIndicatorException("'" + value + "' has scheme " + scheme + "; only http, https and ftp URLs are matched");
        }
        String url = url(value);
        if (url == null) {
            throw new InvalidIndicatorException("'" + value + "' is not a URL with a host (http://host/path)");
        }
        return url;
    }

    /**
     * A URL in normal form ({@code host[:port]/path?query}), or null when it has no valid host. The
     * scheme is optional; when present it only decides the default port.
     */
    public static String url(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_VALUE_LENGTH) {
            return null;
        }
        String rest = text.strip();
        String scheme = "";
        int colonSlashes = rest.indexOf("://");
        if (colonSlashes > 0 && rest.substring(0, colonSlashes).chars()
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
            scheme = rest.substring(0, colonSlashes).toLowerCase(Locale.ROOT);
            rest = rest.substring(colonSlashes + 3);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '?') {
            end++;
        }
        String authority = rest.substring(0, end);
        String path = rest.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = authority.substring(1, close);
            port = authority.substring(close + 1);
            byte[] v6 = Networks.address(host);
            if (v6 == null || v6.length != 16) {
                return null;
            }
            host = "[" + addressKey(v6) + "]";
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon);
            }
            byte[] v4 = Networks.address(host);
            host = v4 != null ? addressKey(v4) : domain(host);
            if (host == null) {
                return null;
            }
        }
        if (!port.isEmpty()) {
            if (!port.startsWith(":") || port.length() < 2 || port.length() > 6
                    || !port.substring(1).chars().allMatch(Character::isDigit)) {
                return null;
            }
            int parsed = Integer.parseInt(port.substring(1));
            if (parsed > 65_535) {
                return null;
            }
            String number = Integer.toString(parsed);
            boolean standard = ("http".equals(scheme) && number.equals("80")) || ("https".equals(scheme) && number.equals("443"));
            port = standard ? "" : ":" + number;
        }
        if (path.isEmpty() || path.startsWith("?")) {
            path = "/" + path;
        }
        return host + port + path;
    }

    private static String feedHash(IndicatorType type, String value) throws InvalidIndicatorException {
        String hash = hash(value);
        int expected = switch (type) {
            case MD5 -> 32;
            case SHA1 -> 40;
            default -> 64;
        };
        if (hash == null || hash.length() != expected) {
            throw new InvalidIndicatorException("'" + value + "' is not a " + type.csvName() + " hash (" + expected
                    + " hexadecimal digits)");
        }
        return hash;
    }

    /** A hash as lower-case hex, or null when the text is not 32, 40 or 64 hex digits. */
    public static String hash(String text) {
        int length = text.length();
        if (length != 32 && length != 40 && length != 64) {
            return null;
        }
        boolean lower = true;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'F') {
                lower = false;
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        return lower ? text : text.toLowerCase(Locale.ROOT);
    }

    private static String feedEmail(String value) throws InvalidIndicatorException {
        String email = email(value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value);
        if (email == null) {
            throw new InvalidIndicatorException("'" + value + "' is not an e-mail address (local@domain)");
        }
        return email;
    }

    /** An e-mail address in lower case, or null when it is not {@code local@domain.tld}. */
    public static String email(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at > 64 || text.indexOf(' ') >= 0 || text.indexOf('<') >= 0) {
            return null;
        }
        String domain = domain(text.substring(at + 1));
        if (domain == null || domain.indexOf('.') < 0) {
            return null;
        }
        return text.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain;
    }
}
