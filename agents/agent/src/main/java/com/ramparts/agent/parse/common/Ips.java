package com.ramparts.agent.parse.common;

/**
 * Checks IP address syntax without {@code InetAddress}, which may resolve a host name over DNS when
 * handed one — never acceptable for text from a log line.
 */
public final class Ips {

    private Ips() {
    }

    public static boolean isValid(String text) {
        return text.indexOf(':') >= 0 ? isIpv6(text) : isIpv4(text, 0, text.length());
    }

    static boolean isIpv4(String text, int from, int to) {
        int octets = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int value = 0;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || value > 255) {
                return false;
            }
            octets++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != '.' || octets == 4) {
                return false;
            }
            i++;
            if (i == to) {
                return false;
            }
        }
        return octets == 4;
    }

    static boolean isIpv6(String text) {
        int length = text.length();
        if (length < 2 || length > 45) {
            return false;
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        if (text.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == length) {
                return true;
            }
        } else if (text.charAt(0) == ':') {
            return false;
        }
        while (i < length) {
            int start = i;
            while (i < length && Character.digit(text.charAt(i), 16) >= 0 && i - start < 4) {
                i++;
            }
            if (i < length && text.charAt(i) == '.') {
                // an embedded IPv4 address ends the text and counts as two groups
                return isIpv4(text, start, length) && (compressed ? groups + 2 < 8 : groups + 2 == 8);
            }
            if (i == start) {
                return false;
            }
            groups++;
            if (i == length) {
                break;
            }
            if (text.charAt(i) != ':') {
                return false;
            }
            i++;
            if (i < length && text.charAt(i) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i++;
                if (i == length) {
                    break;
                }
            } else if (i == length) {
                return false;
            }
        }
        return compressed ? groups < 8 : groups == 8;
    }
}
