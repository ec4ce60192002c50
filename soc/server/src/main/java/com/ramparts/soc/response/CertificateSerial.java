package com.ramparts.soc.response;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Certificate serials and revocation reasons as analysts type them, checked before anything leaves soc: the serial
 * becomes part of pki's URL, so only hex digits pass (no slashes, dots, percent signs, spaces or non-ASCII digits).
 */
final class CertificateSerial {

    /** RFC 5280 4.1.2.2: at most 20 octets. */
    static final int MAX_HEX_DIGITS = 40;
    private static final int MAX_INPUT = 64;
    private static final Pattern HEX_WITH_COLONS = Pattern.compile("[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2})*|[0-9A-Fa-f]+");

    /** The permanent reasons that suit a response (pki refuses CA reasons for end entities; holds are not a response). */
    static final Set<String> REASONS = Set.of("keyCompromise", "unspecified", "affiliationChanged", "superseded",
            "cessationOfOperation", "privilegeWithdrawn");
    static final String DEFAULT_REASON = "keyCompromise";

    private CertificateSerial() {
    }

    /** The serial in pki's form: lower-case hex without leading zeros. */
    static String parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid("a certificate serial is required");
        }
        if (input.length() > MAX_INPUT) {
            throw invalid("a certificate serial is at most " + MAX_HEX_DIGITS + " hex digits");
        }
        String text = input.strip();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            text = text.substring(2);
        }
        if (!HEX_WITH_COLONS.matcher(text).matches()) {
            throw invalid("a certificate serial is hexadecimal (0-9, a-f), optionally with colons between bytes");
        }
        String digits = text.replace(":", "").toLowerCase(Locale.ROOT).replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            throw invalid("a certificate serial is positive");
        }
        if (digits.length() > MAX_HEX_DIGITS) {
            throw invalid("a certificate serial is at most " + MAX_HEX_DIGITS + " hex digits");
        }
        return digits;
    }

    static String reason(String input) {
        if (input == null || input.isBlank()) {
            return DEFAULT_REASON;
        }
        if (!REASONS.contains(input)) {
            throw new ResponseException(ResponseException.Code.INVALID_REASON,
                    "the reason must be one of " + REASONS.stream().sorted().toList());
        }
        return input;
    }

    private static ResponseException invalid(String message) {
        return new ResponseException(ResponseException.Code.INVALID_SERIAL, message);
    }
}
