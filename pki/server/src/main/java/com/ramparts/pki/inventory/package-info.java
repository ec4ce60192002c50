/**
 * The certificate inventory: every issued certificate and its revocation state in the database
 * (JDBC; schema in {@code db/migration}, H2 and PostgreSQL alike). The serial number is the primary
 * key, so uniqueness is the database's promise. Streams revoked entries for CRLs without loading
 * them. May depend on {@code x509} and {@code error}; knows nothing about HTTP or signing.
 */
package com.ramparts.pki.inventory;
