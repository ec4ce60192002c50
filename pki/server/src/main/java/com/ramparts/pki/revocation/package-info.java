/**
 * Revocation: the RFC 5280 reasons, permanent revocation, suspension (certificateHold) and its
 * release (removeFromCRL). Every change is a conditional update of the inventory, so a double
 * revocation is refused rather than overwritten, and is announced with a
 * {@link com.ramparts.pki.revocation.RevocationChanged} event (the CRL listens). May depend on
 * {@code inventory}, {@code x509} and {@code error}.
 */
package com.ramparts.pki.revocation;
