/**
 * API tokens for automation: 256 random bits shown once, kept as their SHA-256, scoped to a
 * {@link com.ramparts.pki.token.Role} (and a unit for requesters), expiring and revocable, presented
 * as {@code Authorization: Bearer}. {@link com.ramparts.pki.token.BearerTokenFilter} turns a valid
 * token into a {@link com.ramparts.pki.token.TokenPrincipal}. May depend on {@code audit} and {@code error}.
 */
package com.ramparts.pki.token;
