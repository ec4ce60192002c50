package com.ramparts.detection.modifier;

import com.ramparts.detection.yaml.InvalidRuleException;
import com.ramparts.detection.yaml.Position;

/**
 * IPv4 and IPv6 text to bytes without {@link java.net.InetAddress}, which may resolve names over
 * DNS: event data must never trigger a lookup.
 */
public final class Networks {

    private Networks() {
    }

    /** A CIDR network such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a /32 or /128. */
    public static Value.Network parse(String text, Position position) throws InvalidRuleException {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        byte[] address = address(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            throw new InvalidRuleException(position, "'" + text + "' is not an IPv4 or IPv6 network (for example 10.0.0.0/8)");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new InvalidRuleException(position, "'" + text + "' has an invalid prefix length; it must be 0 to "
                        + address.length * 8);
            }
        }
        return new Value.Network(address, prefix, trimmed);
    }

    /** Whether {@code address} (4 or 16 bytes) lies in the network. */
    public static boolean contains(Value.Network network, byte[] address) {
        if (address == null || address.length != network.address().length) {
            return false;
        }
        int prefix = network.prefix();
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network.address()[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network.address()[full] & mask);
    }

    /** The bytes of an IPv4 (4) or IPv6 (16) literal, or null when the text is neither. */
    public static byte[] address(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        return ipv4(text);
    }

    private static byte[] ipv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = -1;
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }

    private static byte[] ipv6(String text) {
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        int offset = 8 - tailGroups.length;
        for (int i = 0; i < tailGroups.length; i++) {
            bytes[2 * (offset + i)] = (byte) (tailGroups[i] >> 8);
            bytes[2 * (offset + i) + 1] = (byte) tailGroups[i];
        }
        return bytes;
    }

    /** 16-bit groups; a trailing dotted IPv4 counts as two. */
    private static int[] groups(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int count = parts.length;
        boolean v4 = parts[count - 1].indexOf('.') >= 0;
        int[] groups = new int[v4 ? count + 1 : count];
        for (int i = 0; i < count; i++) {
            String part = parts[i];
            if (v4 && i == count - 1) {
                byte[] four = ipv4(part);
                if (four == null) {
                    return null;
                }
                groups[i] = ((four[0] & 0xFF) << 8) | (four[1] & 0xFF);
                groups[i + 1] = ((four[2] & 0xFF) << 8) | (four[3] & 0xFF);
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (char c : part.toCharArray()) {
                int digit = Character.digit(c, 16);
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups[i] = value;
        }
        return groups;
    }
}
