/**
 * Certificate profiles: the configuration ({@code ramparts.pki.profiles}) compiled into
 * {@link com.ramparts.pki.profile.CertificateProfile}s that decide what a request may contain —
 * key type, subject fields, subject alternative names, issuing CA — and which usages, policies and
 * pointers the certificate carries. A request outside its profile is refused with the field and
 * the rule it broke. May depend on {@code config}, {@code csr}, {@code x509} and {@code error}.
 */
package com.ramparts.pki.profile;
