package com.ramparts.agent.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Linux netfilter LOG lines as rsyslog writes kern.log (RFC 3164 date in the host's zone), like the
 * fixture {@code iptables/kern-traditional.log}: mostly dropped scans, accepted web traffic,
 * SSH/RDP drops from the attacker during an attack.
 */
final class IptablesLines implements LineGenerator {

    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
    private static final int[] SCANNED = {22, 23, 445, 3389, 1433, 5900, 8080};

    private final Random random;
    private final Addresses addresses;
    private final Scenario scenario;
    private final String host;
    private final ZoneId zone;
    private final Instant boot;
    private int packetId;

    IptablesLines(Random random, Addresses addresses, Scenario scenario, String siteId, ZoneId zone, Instant boot) {
        this.random = random;
        this.addresses = addresses;
        this.scenario = scenario;
        this.host = "fw-" + siteId;
        this.zone = zone;
        this.boot = boot;
        this.packetId = random.nextInt(60_000);
    }

    @Override
    public String next(Instant now) {
        String prefix;
        String src;
        String dst;
        int dport;
        if (scenario.underAttack(now) && random.nextInt(3) > 0) {
            prefix = "RAMPARTS-SSH-DROP";
            src = scenario.attacker();
            dst = addresses.server();
            dport = 22;
        } else if (random.nextInt(10) < 6) {
            prefix = "RAMPARTS-IN-DROP";
            src = addresses.outside();
            dst = addresses.server();
            dport = SCANNED[random.nextInt(SCANNED.length)];
        } else {
            prefix = "RAMPARTS-OUT-ACCEPT";
            src = addresses.inside();
            dst = addresses.outside();
            dport = random.nextBoolean() ? 443 : 80;
        }
        long uptimeMicros = Math.max(0, java.time.Duration.between(boot, now).toNanos() / 1000);
        packetId = (packetId + 1 + random.nextInt(7)) & 0xFFFF;
        return "%s %s kernel: [%6d.%06d] %s: IN=%s OUT=%s MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 SRC=%s DST=%s LEN=60 TOS=0x00 PREC=0x00 TTL=%d ID=%d DF PROTO=TCP SPT=%d DPT=%d WINDOW=64240 RES=0x00 SYN URGP=0 "
                .formatted(SYSLOG.format(now.atZone(zone)), host, uptimeMicros / 1_000_000, uptimeMicros % 1_000_000, prefix,
                        prefix.contains("OUT") ? "eth1" : "eth0", prefix.contains("OUT") ? "eth0" : "",
                        src, dst, 50 + random.nextInt(14), packetId, addresses.ephemeralPort(), dport);
    }
}
