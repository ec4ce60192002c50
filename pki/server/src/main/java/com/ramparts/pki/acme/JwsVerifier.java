package com.ramparts.pki.acme;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks an ACME request's JWS (RFC 8555 6.2-6.5), in this order: the flattened serialization, a
 * supported algorithm, exactly one of {@code jwk} and {@code kid} as the endpoint requires, the
 * key, the signature, the {@code url} header against the URL called, and last the nonce, which is
 * spent only by a request whose signature verified.
 */
class JwsVerifier {

    /** Which key reference an endpoint takes. */
    enum KeyReference { JWK, KID, EITHER }

    /**
     * A request whose signature, url and nonce checked out.
     *
     * @param jwk the key that signed (from the header, or the account's)
     * @param account the account named by {@code kid}; empty when the request carried a {@code jwk}
     * @param payload the payload object; null for POST-as-GET
     */
    record Verified(Jws jws, Jwk jwk, Optional<AcmeAccounts.Account> account, JsonNode payload) {

        AcmeAccounts.Account requireAccount() {
            return account.orElseThrow(() -> AcmeProblem.malformed("this request must be signed by an account key (kid)"));
        }
    }

    private final AcmeAccounts accounts;
    private final Nonces nonces;
    private final JsonMapper json;

    JwsVerifier(AcmeAccounts accounts, Nonces nonces, JsonMapper json) {
        this.accounts = accounts;
        this.nonces = nonces;
        this.json = json;
    }

    Verified verify(byte[] body, String calledUrl, AcmeUrls urls, KeyReference reference) {
        Jws jws = Jws.parse(body, json);
        String algorithm = jws.algorithm();
        if (algorithm == null) {
            throw AcmeProblem.malformed("the protected header has no alg");
        }
        if (!Jws.ALGORITHMS.contains(algorithm)) {
            throw AcmeProblem.badSignatureAlgorithm("alg " + algorithm + " is not accepted; use one of " + new TreeSet<>(Jws.ALGORITHMS));
        }
        JsonNode jwkHeader = jws.jwk();
        String kid = jws.kid();
        if ((jwkHeader == null) == (kid == null)) {
            throw AcmeProblem.malformed("the protected header must have exactly one of jwk and kid");
        }
        if (reference == KeyReference.JWK && kid != null) {
            throw AcmeProblem.malformed("this request must carry the account key as jwk, not a kid");
        }
        if (reference == KeyReference.KID && jwkHeader != null) {
            throw AcmeProblem.malformed("this request must name its account with kid, not carry a jwk");
        }
        Optional<AcmeAccounts.Account> account = Optional.empty();
        Jwk jwk;
        if (kid != null) {
            if (!kid.startsWith(urls.accountPrefix())) {
                throw AcmeProblem.accountDoesNotExist("kid " + kid + " is not an account URL of this server");
            }
            AcmeAccounts.Account found = accounts.find(kid.substring(urls.accountPrefix().length()))
                    .orElseThrow(() -> AcmeProblem.accountDoesNotExist("no account " + kid));
            account = Optional.of(found);
            jwk = stored(found);
        } else {
            jwk = Jwk.parse(jwkHeader);
        }
        if (!jwk.fits(algorithm)) {
            throw AcmeProblem.badSignatureAlgorithm("alg " + algorithm + " does not fit the account key");
        }
        if (!jws.verifies(jwk.key())) {
            throw AcmeProblem.malformed("the JWS signature does not verify");
        }
        if (!calledUrl.equals(jws.url())) {
            throw AcmeProblem.unauthorized("the protected header's url " + jws.url() + " is not the URL called, " + calledUrl);
        }
        if (!nonces.use(jws.nonce())) {
            throw AcmeProblem.badNonce(jws.nonce() == null ? "the protected header has no nonce" : "the nonce is unknown, used or expired");
        }
        if (account.isPresent() && !account.get().valid()) {
            throw AcmeProblem.unauthorized("account " + kid + " is " + account.get().status());
        }
        return new Verified(jws, jwk, account, jws.payloadJson(json));
    }

    private Jwk stored(AcmeAccounts.Account account) {
        try {
            return Jwk.parse(json.readTree(account.jwk()));
        } catch (JacksonException e) {
            throw AcmeProblem.serverInternal("the stored key of account " + account.id() + " cannot be read");
        }
    }
}
