package com.ramparts.pki.profile;

import java.net.InetAddress;
import java.util.List;

/**
 * The compiled rule for one subject alternative name type.
 *
 * @param patternTemplate a regular expression in which {@code {FIELD}} stands for a subject field's value; null for none
 * @param allowedDomains lower-case domains names must equal or end in; empty allows any
 * @param allowedNetworks CIDR blocks addresses must be in; empty allows any
 */
record SanRule(SanType type, boolean required, int max, String patternTemplate, List<String> allowedDomains,
               List<Network> allowedNetworks) {

    /** An address block such as {@code 10.0.0.0/8}. */
    record Network(byte[] address, int prefixLength, String text) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - remainingBits)) & 0xff;
            return (candidate[fullBytes] & mask) == (address[fullBytes] & mask);
        }

        /** Parses {@code address/prefix}; the address must be a numeric literal, so no name is ever looked up. */
        static Network parse(String text) {
            int slash = text.indexOf('/');
            String addressText = slash < 0 ? text : text.substring(0, slash);
            boolean ipv4 = addressText.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            if (!ipv4 && !(addressText.contains(":") && addressText.matches("[0-9A-Fa-f:.]+"))) {
                throw new IllegalArgumentException("not an IP address block: " + text);
            }
            try {
                byte[] address = InetAddress.getByName(addressText).getAddress();
                int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > address.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range: " + text);
                }
                return new Network(address, prefix, text);
            } catch (java.io.IOException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address block: " + text, e);
            }
        }
    }
}
