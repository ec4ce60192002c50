package com.ramparts.soc.response;

/**
 * What an analyst asks for; which fields matter depends on the action.
 *
 * @param action     the wire code: {@code revoke_certificate}, {@code notify_unit}, {@code isolate_site}, {@code release_site}
 * @param serial     revoke_certificate: the certificate's serial in hex (colons allowed)
 * @param reason     revoke_certificate: an RFC 5280 reason name; keyCompromise if null
 * @param message    notify_unit, isolate_site, release_site: the analyst's words, added to the e-mail or the record
 * @param requestKey makes retries safe: the same key on the same incident acts once; null means "action and target"
 * @param confirmed  the analyst confirmed the action; unconfirmed requests are refused
 */
public record ActionRequest(String action, String serial, String reason, String message, String requestKey, boolean confirmed) {
}
