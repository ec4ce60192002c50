/**
 * Who may call the pki service. Public: health and info (load balancers and the launcher probe
 * them) and what relying parties fetch — CA certificates, CRLs, OCSP. The API under
 * {@code /api/v1} needs the administrator (HTTP basic, or an API token from {@code token}), except the
 * RA's paths, open to RA_OFFICER and REQUESTER tokens by role (the RA scopes requesters to their unit
 * in its queries). mTLS client certificates come when the service speaks TLS. May depend on
 * {@code config}, {@code token} and the runtime's secrets.
 */
package com.ramparts.pki.security;
