package com.ramparts.agent.simulate;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * FortiGate traffic logs as the unit sends them by syslog (key=value, like the fixture
 * {@code fortigate/fortigate.log}): forwarded web traffic closing, inbound denials, RDP attempts
 * from the attacker during an attack.
 */
final class FortiGateLines implements LineGenerator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Random random;
    private final Addresses addresses;
    private final Scenario scenario;
    private final String device;
    private final String serial;
    private long session;

    FortiGateLines(Random random, Addresses addresses, Scenario scenario, String siteId, int siteIndex) {
        this.random = random;
        this.addresses = addresses;
        this.scenario = scenario;
        this.device = "FGT-" + siteId.toUpperCase(java.util.Locale.ROOT);
        this.serial = "FG100FTK%08d".formatted(19_000_000 + siteIndex);
        this.session = 8_000_000 + random.nextInt(1_000_000);
    }

    @Override
    public String next(Instant now) {
        ZonedDateTime local = now.atZone(Rhythm.CITY);
        long eventTime = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        session += 1 + random.nextInt(5);
        String head = "<189>date=%s time=%s devname=\"%s\" devid=\"%s\" eventtime=%d tz=\"+0700\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\""
                .formatted(DATE.format(local), TIME.format(local), device, serial, eventTime);
        boolean attack = scenario.underAttack(now) && random.nextInt(3) > 0;
        if (attack || random.nextInt(10) < 4) {
            String src = attack ? scenario.attacker() : addresses.outside();
            int port = attack ? 3389 : new int[] {22, 23, 445, 3389}[random.nextInt(4)];
            return head + " level=\"warning\" vd=\"root\" srcip=%s srcport=%d srcintf=\"wan1\" srcintfrole=\"wan\" dstip=%s dstport=%d dstintf=\"internal\" dstintfrole=\"lan\" srccountry=\"Reserved\" dstcountry=\"Reserved\" sessionid=%d proto=6 action=\"deny\" policyid=0 policytype=\"policy\" service=\"%s\" trandisp=\"noop\" duration=0 sentbyte=0 rcvdbyte=0 sentpkt=0 appcat=\"unscanned\" crscore=30 craction=131072 crlevel=\"high\" msg=\"Denied by forward policy check (policy 0)\""
                    .formatted(src, addresses.ephemeralPort(), addresses.server(), port, session, port == 3389 ? "RDP" : "TCP/" + port);
        }
        int sent = 500 + random.nextInt(20_000);
        int received = 1_000 + random.nextInt(200_000);
        return head + " level=\"notice\" vd=\"root\" srcip=%s srcport=%d srcintf=\"internal\" srcintfrole=\"lan\" dstip=%s dstport=443 dstintf=\"wan1\" dstintfrole=\"wan\" srccountry=\"Reserved\" dstcountry=\"Viet Nam\" sessionid=%d proto=6 action=\"close\" policyid=12 policytype=\"policy\" policyname=\"LAN-to-Internet\" service=\"HTTPS\" trandisp=\"snat\" transip=198.51.100.2 transport=%d duration=%d sentbyte=%d rcvdbyte=%d sentpkt=%d rcvdpkt=%d appcat=\"unscanned\""
                .formatted(addresses.inside(), addresses.ephemeralPort(), addresses.outside(), session, addresses.ephemeralPort(),
                        1 + random.nextInt(120), sent, received, 5 + sent / 1000, 5 + received / 1200);
    }
}
