/**
 * Errors a caller can act on: {@link com.ramparts.pki.error.PkiError} is the catalogue of stable
 * codes, {@link com.ramparts.pki.error.PkiException} carries one with the offending field, and
 * {@link com.ramparts.pki.error.Messages} turns a code into a sentence (English, Vietnamese) from
 * {@code messages*.properties} next to this package. Depends on nothing else in pki.
 */
package com.ramparts.pki.error;
