package com.ramparts.pki.acme;

import com.ramparts.pki.testing.PkiClient;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately small ACME client for the hostile tests: it signs exactly what it is told, so a test
 * can change one header, the signature or the body and see the server's answer.
 */
final class AcmeTestClient {

    record Answer(int status, JsonNode json, String body, String location, String nonce) {
        String problemType() {
            return json == null || json.get("type") == null ? null : json.get("type").asString();
        }
    }

    final KeyPair key;
    final String algorithm;
    private final HttpClient http;
    private final JsonNode directory;
    String accountUrl;

    /** A client whose account key is {@code key} (e.g. a certificate's key, to sign revokeCert with it as jwk). */
    AcmeTestClient(HttpClient http, String directoryUrl, KeyPair key) {
        this.http = http;
        this.key = key;
        this.algorithm = key.getPublic() instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 384 ? "ES384"
                : key.getPublic() instanceof ECPublicKey ? "ES256" : "RS256";
        this.directory = get(directoryUrl).json();
    }

    AcmeTestClient(HttpClient http, String directoryUrl, String keyType) {
        this.http = http;
        try {
            if (keyType.equals("RSA")) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                key = generator.generateKeyPair();
                algorithm = "RS256";
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(keyType.equals("P-384") ? "secp384r1" : "secp256r1"));
                key = generator.generateKeyPair();
                algorithm = keyType.equals("P-384") ? "ES384" : "ES256";
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.directory = get(directoryUrl).json();
    }

    String url(String name) {
        return directory.get(name).asString();
    }

    Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        if (key.getPublic() instanceof ECPublicKey ec) {
            int size = algorithm.equals("ES384") ? 48 : 32;
            jwk.put("crv", size == 48 ? "P-384" : "P-256");
            jwk.put("kty", "EC");
            jwk.put("x", b64(unsigned(ec.getW().getAffineX(), size)));
            jwk.put("y", b64(unsigned(ec.getW().getAffineY(), size)));
        } else {
            RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
            jwk.put("e", b64(rsa.getPublicExponent().toByteArray()[0] == 0 ? stripZero(rsa.getPublicExponent().toByteArray())
                    : rsa.getPublicExponent().toByteArray()));
            jwk.put("kty", "RSA");
            jwk.put("n", b64(stripZero(rsa.getModulus().toByteArray())));
        }
        return jwk;
    }

    String thumbprint() {
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(PkiClient.JSON.writeValueAsBytes(jwk())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String nonce() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url("newNonce")))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            return response.headers().firstValue("Replay-Nonce").orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The protected header this client would send: alg, nonce, url and kid (after newAccount) or jwk. */
    Map<String, Object> header(String url) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm);
        header.put("nonce", nonce());
        header.put("url", url);
        if (accountUrl == null) {
            header.put("jwk", jwk());
        } else {
            header.put("kid", accountUrl);
        }
        return header;
    }

    /** A flattened JWS of {@code payload} (null: POST-as-GET) under {@code header}. */
    Map<String, Object> jws(Map<String, Object> header, Object payload) {
        String protectedText = b64(PkiClient.JSON.writeValueAsBytes(header));
        String payloadText = payload == null ? "" : b64(payload instanceof byte[] bytes ? bytes : PkiClient.JSON.writeValueAsBytes(payload));
        Map<String, Object> jws = new LinkedHashMap<>();
        jws.put("protected", protectedText);
        jws.put("payload", payloadText);
        jws.put("signature", b64(sign((protectedText + "." + payloadText).getBytes(StandardCharsets.US_ASCII))));
        return jws;
    }

    Answer post(String url, Object payload) {
        return send(url, PkiClient.JSON.writeValueAsBytes(jws(header(url), payload)));
    }

    Answer send(String url, byte[] body) {
        return send(url, "application/jose+json", body);
    }

    Answer send(String url, String contentType, byte[] body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            return answer(response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Answer get(String url) {
        try {
            return answer(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** newAccount bound to a unit with an external account binding key; remembers the account URL. */
    Answer register(JsonNode eabKey) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("termsOfServiceAgreed", true);
        if (eabKey != null) {
            payload.put("externalAccountBinding", binding(eabKey.get("keyId").asString(), eabKey.get("hmacKey").asString(), url("newAccount")));
        }
        Answer answer = post(url("newAccount"), payload);
        if (answer.status() == 201 || answer.status() == 200) {
            accountUrl = answer.location();
        }
        return answer;
    }

    Map<String, Object> binding(String keyId, String hmacKey, String url) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("kid", keyId);
        header.put("url", url);
        String protectedText = b64(PkiClient.JSON.writeValueAsBytes(header));
        String payloadText = b64(PkiClient.JSON.writeValueAsBytes(jwk()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(hmacKey), "HmacSHA256"));
            Map<String, Object> jws = new LinkedHashMap<>();
            jws.put("protected", protectedText);
            jws.put("payload", payloadText);
            jws.put("signature", b64(mac.doFinal((protectedText + "." + payloadText).getBytes(StandardCharsets.US_ASCII))));
            return jws;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] sign(byte[] input) {
        try {
            Signature signature = Signature.getInstance(switch (algorithm) {
                case "ES256" -> "SHA256withECDSAinP1363Format";
                case "ES384" -> "SHA384withECDSAinP1363Format";
                default -> "SHA256withRSA";
            });
            signature.initSign(key.getPrivate());
            signature.update(input);
            return signature.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Answer answer(HttpResponse<String> response) {
        JsonNode json = null;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json") && !response.body().isBlank()) {
            json = PkiClient.JSON.readTree(response.body());
        }
        return new Answer(response.statusCode(), json, response.body(), response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Replay-Nonce").orElse(null));
    }

    private static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = stripZero(value.toByteArray());
        byte[] padded = new byte[size];
        System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
        return padded;
    }

    private static byte[] stripZero(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
