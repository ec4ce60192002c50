package com.ramparts.soc.posture;

import java.time.Instant;

/**
 * One workstation or server antivirus reported from.
 *
 * @param signaturesAt newest signatures known to be loaded, null if never reported
 * @param protectionOn the last reported protection switch, null if never reported
 */
public record HostState(String siteId, String host, Instant seenLast, Instant signaturesAt, Boolean protectionOn) {
}
