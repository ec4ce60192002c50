package com.ramparts.pki.acme;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Iterator;
import java.util.Set;

/**
 * A JWS in flattened JSON serialization (RFC 7515 7.2.2) as ACME requires it (RFC 8555 6.2): only
 * {@code protected}, {@code payload} and {@code signature}; no unprotected header.
 *
 * @param header the decoded protected header
 * @param payload the decoded payload; empty for POST-as-GET
 */
record Jws(JsonNode header, String protectedText, String payloadText, byte[] payload, byte[] signature) {

    static final Set<String> ALGORITHMS = Set.of("ES256", "ES384", "RS256");
    private static final Set<String> MEMBERS = Set.of("protected", "payload", "signature");

    static Jws parse(byte[] body, JsonMapper json) {
        if (body.length == 0) {
            throw AcmeProblem.malformed("the request body is empty");
        }
        JsonNode root = readObject(body, json, "the request body");
        for (Iterator<String> names = root.propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw AcmeProblem.malformed("the JWS has a member '" + name + "': send the flattened JSON serialization with "
                        + "protected, payload and signature only");
            }
        }
        String protectedText = string(root, "protected");
        String payloadText = string(root, "payload");
        String signatureText = string(root, "signature");
        JsonNode header = readObject(Base64Url.decode(protectedText, "protected"), json, "the protected header");
        return new Jws(header, protectedText, payloadText, Base64Url.decode(payloadText, "payload"),
                Base64Url.decode(signatureText, "signature"));
    }

    String algorithm() {
        return headerText("alg");
    }

    String nonce() {
        return headerText("nonce");
    }

    String url() {
        return headerText("url");
    }

    String kid() {
        return headerText("kid");
    }

    JsonNode jwk() {
        return header.get("jwk");
    }

    /** The header member as text, null when absent; a member of another JSON type is malformed. */
    String headerText(String member) {
        JsonNode value = header.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw AcmeProblem.malformed("the protected header's " + member + " is not a string");
        }
        return value.asString();
    }

    /** Whether the signature over {@code protected.payload} verifies with {@code key} under {@link #algorithm()}. */
    boolean verifies(PublicKey key) {
        String jca;
        int length;
        switch (algorithm()) {
            case "ES256" -> {
                jca = "SHA256withECDSAinP1363Format";
                length = 64;
            }
            case "ES384" -> {
                jca = "SHA384withECDSAinP1363Format";
                length = 96;
            }
            case "RS256" -> {
                jca = "SHA256withRSA";
                length = -1;
            }
            default -> {
                return false;
            }
        }
        if (length > 0 && signature.length != length) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(key);
            verifier.update(signingInput());
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    byte[] signingInput() {
        return (protectedText + "." + payloadText).getBytes(StandardCharsets.US_ASCII);
    }

    /** The payload as a JSON object; null for POST-as-GET (an empty payload). */
    JsonNode payloadJson(JsonMapper json) {
        return payload.length == 0 ? null : readObject(payload, json, "the payload");
    }

    static JsonNode readObject(byte[] bytes, JsonMapper json, String what) {
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JacksonException e) {
            throw AcmeProblem.malformed(what + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw AcmeProblem.malformed(what + " is not a JSON object");
        }
        return node;
    }

    private static String string(JsonNode root, String member) {
        JsonNode value = root.get(member);
        if (value == null || !value.isString()) {
            throw AcmeProblem.malformed("the JWS member " + member + " is missing or not a string");
        }
        return value.asString();
    }
}
