/**
 * The pki service's configuration: one typed record bound from {@code ramparts.pki.*} (documented
 * in docs/configuration.md and docs/pki.md), including the CAs and the certificate profiles. May
 * depend on Spring Boot's binding only; the feature packages give the values their meaning.
 */
package com.ramparts.pki.config;
