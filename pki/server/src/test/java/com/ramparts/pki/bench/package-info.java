/**
 * Load harnesses for docs/BENCHMARKS.md (issue 3): issuance against the raw signature rate, OCSP with
 * a million certificates, a CRL of a million entries, bulk issuance. Each is a {@code main} in the
 * test sources: compiled by {@code ./mvnw verify}, never run by it (no {@code *Test} name). The
 * command lines are in docs/BENCHMARKS.md.
 */
package com.ramparts.pki.bench;
