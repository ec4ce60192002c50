/**
 * The registration authority: who the city's units and staff are ({@code unit}, {@code staff},
 * their CSV {@code imports}), certificate requests and their approvals with dual control for unit
 * seals ({@code request}), bulk staff issuance ({@code bulk}) and expiry tracking ({@code expiry}).
 * Every act goes through {@code issuance} to be issued and is appended to the {@code audit} log in its
 * own transaction. {@link com.ramparts.pki.ra.Caller} is who acts: requesters are confined to their
 * unit in every query. May depend on {@code audit}, {@code token}, {@code issuance}, {@code csr},
 * {@code profile}, {@code inventory}, {@code error}, {@code config}.
 */
package com.ramparts.pki.ra;
