/**
 * Certificate requests: submitted with a PKCS#10 CSR (proof of possession checked, profile and RA
 * records matched), approved by RA officers (a request needs {@code ramparts.pki.ra.approvals} of
 * different officers, two for unit seals), then issued through the one issuance path, or rejected
 * with a reason; renewals (same key or new key) are requests too. Each step locks the request row,
 * so a replayed or repeated approval is a 409 that changes nothing. May depend on {@code ra.*},
 * {@code issuance}, {@code csr}, {@code profile}, {@code inventory}, {@code audit}.
 */
package com.ramparts.pki.ra.request;
