/**
 * The RFC 3161 time-stamping authority at {@code POST /tsa}: {@link com.ramparts.pki.tsa.TsaKey} keeps
 * the TSA's key and its certificate (profile {@code tsa}, issued through
 * {@link com.ramparts.pki.issuance.IssuanceService#issue} like any other), and
 * {@link com.ramparts.pki.tsa.TimeStampAuthority} answers queries with Bouncy Castle's TSP
 * generators. Every refusal is a TimeStampResp with status rejection and a failInfo. May depend
 * on {@code ca}, {@code issuance}, {@code config} and {@code x509}.
 */
package com.ramparts.pki.tsa;
