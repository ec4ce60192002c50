package com.ramparts.pki.x509;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate serial numbers: 127 bits from a CSPRNG, so always positive, at most 16 octets in
 * DER (RFC 5280 allows 20) and far above the 64 bits of entropy CA/B Forum asks for. Uniqueness
 * is the inventory's primary key, not hope.
 */
public final class SerialNumbers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SerialNumbers() {
    }

    public static BigInteger random() {
        BigInteger serial;
        do {
            serial = new BigInteger(127, RANDOM);
        } while (serial.bitLength() < 64); // keep at least 64 significant bits
        return serial;
    }

    /** The canonical text form: lower-case hexadecimal, no leading zeros, no separators. */
    public static String hex(BigInteger serial) {
        return serial.toString(16);
    }

    /** Parses a serial as users write it: hexadecimal, any case, optionally with {@code :} separators or {@code 0x}. */
    public static Optional<BigInteger> parseHex(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().toLowerCase(Locale.ROOT).replace(":", "");
        if (digits.startsWith("0x")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > 40) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!HexFormat.isHexDigit(digits.charAt(i))) {
                return Optional.empty();
            }
        }
        BigInteger serial = new BigInteger(digits, 16);
        return serial.signum() > 0 ? Optional.of(serial) : Optional.empty();
    }
}
