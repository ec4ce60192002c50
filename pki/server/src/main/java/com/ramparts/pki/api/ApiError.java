package com.ramparts.pki.api;

/**
 * The body of every API error.
 *
 * @param code stable, for programs (e.g. {@code profile.subject.required})
 * @param message for people, in the language of the request's Accept-Language (English or Vietnamese)
 * @param field the request field at fault, e.g. {@code subject.CN}; null when it is about the whole request
 */
public record ApiError(String code, String message, String field) {
}
