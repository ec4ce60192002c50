package com.ramparts.pki.acme;

/**
 * The URLs of ACME resources below a base ({@code https://host:port}) taken from the request, so that
 * the {@code url} a client signs is the one it called (RFC 8555 6.4).
 */
record AcmeUrls(String base) {

    static final String ROOT = "/acme";

    String directory() {
        return base + ROOT + "/directory";
    }

    String newNonce() {
        return base + ROOT + "/new-nonce";
    }

    String newAccount() {
        return base + ROOT + "/new-account";
    }

    String newOrder() {
        return base + ROOT + "/new-order";
    }

    String revokeCert() {
        return base + ROOT + "/revoke-cert";
    }

    String accountPrefix() {
        return base + ROOT + "/acct/";
    }

    String account(String id) {
        return accountPrefix() + id;
    }

    String orders(String accountId) {
        return account(accountId) + "/orders";
    }

    String order(String id) {
        return base + ROOT + "/order/" + id;
    }

    String finalizeOrder(String id) {
        return order(id) + "/finalize";
    }

    String authorization(String id) {
        return base + ROOT + "/authz/" + id;
    }

    String challenge(String id) {
        return base + ROOT + "/chall/" + id;
    }

    String certificate(String serialHex) {
        return base + ROOT + "/cert/" + serialHex;
    }
}
