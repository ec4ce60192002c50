package com.ramparts.soc.posture;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The observations of one batch of events, merged per site and per host in memory (latest time wins) so the
 * database sees one change per site and host, however many events the batch held.
 */
final class PostureBatch {

    /** Latest times per site in this batch; null where the batch said nothing. */
    static final class SiteDelta {
        String unitId;
        Instant firewall;
        Instant antivirus;
        Instant backupSuccess;
        Instant backupFailure;
        Instant heartbeat;

        void firewall(Instant at) {
            firewall = later(firewall, at);
        }

        void antivirus(Instant at) {
            antivirus = later(antivirus, at);
        }

        void backupSucceeded(Instant at) {
            backupSuccess = later(backupSuccess, at);
        }

        void backupFailed(Instant at) {
            backupFailure = later(backupFailure, at);
        }

        void heartbeat(Instant at) {
            heartbeat = later(heartbeat, at);
        }
    }

    /** Latest times per antivirus host in this batch. */
    static final class HostDelta {
        Instant seen;
        Instant signatures;
        Instant protectionAt;
        Boolean protectionOn;

        void seen(Instant at) {
            seen = later(seen, at);
        }

        void signatures(Instant at) {
            signatures = later(signatures, at);
        }

        /** A later change wins; at the same instant, "off" wins (the cautious reading). */
        void protection(Instant at, boolean on) {
            if (protectionAt == null || at.isAfter(protectionAt) || (at.equals(protectionAt) && !on)) {
                protectionAt = at;
                protectionOn = on;
            }
        }
    }

    record HostKey(String siteId, String host) {
    }

    private final Map<String, SiteDelta> sites = new LinkedHashMap<>();
    private final Map<HostKey, HostDelta> hosts = new LinkedHashMap<>();

    SiteDelta site(String siteId) {
        return sites.computeIfAbsent(siteId, id -> new SiteDelta());
    }

    HostDelta host(String siteId, String host) {
        site(siteId);
        return hosts.computeIfAbsent(new HostKey(siteId, host), key -> new HostDelta());
    }

    void unit(String siteId, String unitId) {
        if (unitId != null) {
            site(siteId).unitId = unitId;
        }
    }

    Map<String, SiteDelta> sites() {
        return sites;
    }

    Map<HostKey, HostDelta> hosts() {
        return hosts;
    }

    boolean isEmpty() {
        return sites.isEmpty();
    }

    static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
