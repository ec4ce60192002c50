package com.ramparts.pki.acme;

import java.util.Base64;
import java.util.regex.Pattern;

/** Unpadded base64url (RFC 7515 2), strictly: any other character, padding included, is refused. */
final class Base64Url {

    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]*");

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @throws AcmeProblem (malformed) naming {@code what} when the text is not unpadded base64url */
    static byte[] decode(String text, String what) {
        if (text == null || !ALPHABET.matcher(text).matches() || text.length() % 4 == 1) {
            throw AcmeProblem.malformed(what + " is not unpadded base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw AcmeProblem.malformed(what + " is not unpadded base64url");
        }
    }
}
