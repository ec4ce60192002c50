package com.ramparts.pki.acme;

import org.bouncycastle.jce.ECNamedCurveTable;
import tools.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;

/**
 * An account key as a JSON Web Key (RFC 7517): ECDSA P-256/P-384 or RSA of 2048 to 8192 bits, with its
 * RFC 7638 thumbprint (which identifies the account and ends every key authorization).
 *
 * @param canonical the required members in lexicographic order without whitespace (RFC 7638 3), also what is stored
 */
record Jwk(PublicKey key, String curve, String thumbprint, String canonical) {

    /** @throws AcmeProblem (malformed, or badSignatureAlgorithm for unsupported key types) */
    static Jwk parse(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw AcmeProblem.malformed("jwk is not a JSON object");
        }
        String kty = text(jwk, "kty");
        return switch (kty) {
            case "EC" -> ec(jwk);
            case "RSA" -> rsa(jwk);
            default -> throw AcmeProblem.badSignatureAlgorithm("key type " + kty + " is not supported: use EC (P-256, P-384) or RSA");
        };
    }

    /** Whether a JWS algorithm fits this key: ES256 for P-256, ES384 for P-384, RS256 for RSA. */
    boolean fits(String algorithm) {
        return switch (algorithm) {
            case "ES256" -> "P-256".equals(curve);
            case "ES384" -> "P-384".equals(curve);
            case "RS256" -> curve == null;
            default -> false;
        };
    }

    private static Jwk ec(JsonNode jwk) {
        String crv = text(jwk, "crv");
        int size = switch (crv) {
            case "P-256" -> 32;
            case "P-384" -> 48;
            default -> throw AcmeProblem.badSignatureAlgorithm("curve " + crv + " is not supported: use P-256 or P-384");
        };
        String xText = text(jwk, "x");
        String yText = text(jwk, "y");
        byte[] x = Base64Url.decode(xText, "jwk.x");
        byte[] y = Base64Url.decode(yText, "jwk.y");
        if (x.length != size || y.length != size) {
            throw AcmeProblem.malformed("jwk.x and jwk.y must be " + size + " octets for " + crv);
        }
        String curveName = crv.equals("P-256") ? "secp256r1" : "secp384r1";
        BigInteger affineX = new BigInteger(1, x);
        BigInteger affineY = new BigInteger(1, y);
        try {
            // a point off the curve would let a crafted key leak nothing here, but it is no key: refuse it
            ECNamedCurveTable.getParameterSpec(curveName).getCurve().validatePoint(affineX, affineY);
        } catch (IllegalArgumentException e) {
            throw AcmeProblem.malformed("jwk is not a point on " + crv);
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curveName));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(affineX, affineY), spec));
            String canonical = "{\"crv\":\"" + crv + "\",\"kty\":\"EC\",\"x\":\"" + xText + "\",\"y\":\"" + yText + "\"}";
            return new Jwk(key, crv, thumbprint(canonical), canonical);
        } catch (GeneralSecurityException e) {
            throw AcmeProblem.malformed("jwk is not a usable EC key");
        }
    }

    private static Jwk rsa(JsonNode jwk) {
        String nText = text(jwk, "n");
        String eText = text(jwk, "e");
        BigInteger modulus = new BigInteger(1, Base64Url.decode(nText, "jwk.n"));
        BigInteger exponent = new BigInteger(1, Base64Url.decode(eText, "jwk.e"));
        if (modulus.bitLength() < 2048 || modulus.bitLength() > 8192) {
            throw AcmeProblem.badSignatureAlgorithm("RSA keys must have 2048 to 8192 bits, this one has " + modulus.bitLength());
        }
        if (!exponent.testBit(0) || exponent.compareTo(BigInteger.ONE) <= 0 || exponent.bitLength() > 256) {
            throw AcmeProblem.malformed("jwk.e is not a usable RSA public exponent");
        }
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
            String canonical = "{\"e\":\"" + eText + "\",\"kty\":\"RSA\",\"n\":\"" + nText + "\"}";
            return new Jwk(key, null, thumbprint(canonical), canonical);
        } catch (GeneralSecurityException e) {
            throw AcmeProblem.malformed("jwk is not a usable RSA key");
        }
    }

    private static String text(JsonNode jwk, String member) {
        JsonNode value = jwk.get(member);
        if (value == null || !value.isString()) {
            throw AcmeProblem.malformed("jwk." + member + " is missing or not a string");
        }
        return value.asString();
    }

    private static String thumbprint(String canonical) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
