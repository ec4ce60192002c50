package com.ramparts.agent.simulate;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Suricata EVE JSON as the site's sensor writes eve.json (field order and shapes as in the fixture
 * {@code suricata/eve.json}, made with Suricata 7): flows, DNS queries and TLS handshakes most of
 * the time; alerts for the attacker's scans during an attack and for a malware download.
 */
final class SuricataLines implements LineGenerator {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx");
    private static final String[] DOMAINS = {"dichvucong.gov.vn", "mail.city.gov.vn", "portal.city.gov.vn",
        "update.microsoft.com", "www.google.com", "zalo.me", "vnexpress.net", "thuvienphapluat.vn"};

    private final Random random;
    private final Addresses addresses;
    private final Scenario scenario;
    private long flowId;

    SuricataLines(Random random, Addresses addresses, Scenario scenario) {
        this.random = random;
        this.addresses = addresses;
        this.scenario = scenario;
        this.flowId = 1_000_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL);
    }

    @Override
    public String next(Instant now) {
        String ts = TIMESTAMP.format(now.atZone(Rhythm.CITY));
        flowId += 1 + random.nextInt(1000);
        if (scenario.takeMalwareForIds()) {
            return alert(ts, addresses.outside(), 80, addresses.inside(), addresses.ephemeralPort(), 9000001,
                    "RAMPARTS EICAR test file downloaded over HTTP", "A Network Trojan was detected", 1);
        }
        if (scenario.underAttack(now) && random.nextInt(4) == 0) {
            return alert(ts, scenario.attacker(), addresses.ephemeralPort(), addresses.server(), 22, 2001219,
                    "ET SCAN Potential SSH Scan", "Attempted Information Leak", 2);
        }
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> flow(ts);
            case 4, 5, 6 -> dns(ts);
            default -> tls(ts);
        };
    }

    private String alert(String ts, String src, int sport, String dst, int dport, int sid, String signature,
                         String category, int severity) {
        return ("{\"timestamp\":\"%s\",\"flow_id\":%d,\"in_iface\":\"eth0\",\"event_type\":\"alert\",\"src_ip\":\"%s\",\"src_port\":%d,"
                + "\"dest_ip\":\"%s\",\"dest_port\":%d,\"proto\":\"TCP\",\"pkt_src\":\"wire/pcap\",\"alert\":{\"action\":\"allowed\",\"gid\":1,"
                + "\"signature_id\":%d,\"rev\":1,\"signature\":\"%s\",\"category\":\"%s\",\"severity\":%d},\"direction\":\"to_server\","
                + "\"flow\":{\"pkts_toserver\":%d,\"pkts_toclient\":%d,\"bytes_toserver\":%d,\"bytes_toclient\":%d,\"start\":\"%s\"}}")
                .formatted(ts, flowId, src, sport, dst, dport, sid, signature, category, severity, 1 + random.nextInt(6),
                        random.nextInt(6), 60 + random.nextInt(900), random.nextInt(900), ts);
    }

    private String flow(String ts) {
        int toServer = 3 + random.nextInt(40);
        int toClient = 2 + random.nextInt(60);
        boolean web = random.nextInt(3) > 0;
        return ("{\"timestamp\":\"%s\",\"flow_id\":%d,\"in_iface\":\"eth0\",\"event_type\":\"flow\",\"src_ip\":\"%s\",\"src_port\":%d,"
                + "\"dest_ip\":\"%s\",\"dest_port\":%d,\"proto\":\"TCP\",\"app_proto\":\"%s\",\"flow\":{\"pkts_toserver\":%d,"
                + "\"pkts_toclient\":%d,\"bytes_toserver\":%d,\"bytes_toclient\":%d,\"start\":\"%s\",\"end\":\"%s\",\"age\":%d,"
                + "\"state\":\"closed\",\"reason\":\"timeout\",\"alerted\":false},\"tcp\":{\"tcp_flags\":\"1b\",\"tcp_flags_ts\":\"1b\","
                + "\"tcp_flags_tc\":\"1b\",\"syn\":true,\"fin\":true,\"psh\":true,\"ack\":true,\"state\":\"closed\"}}")
                .formatted(ts, flowId, addresses.inside(), addresses.ephemeralPort(), addresses.outside(), web ? 443 : 25,
                        web ? "tls" : "smtp", toServer, toClient, toServer * 90, toClient * 700, ts, ts, random.nextInt(60));
    }

    private String dns(String ts) {
        return ("{\"timestamp\":\"%s\",\"flow_id\":%d,\"in_iface\":\"eth0\",\"event_type\":\"dns\",\"src_ip\":\"%s\",\"src_port\":%d,"
                + "\"dest_ip\":\"%s\",\"dest_port\":53,\"proto\":\"UDP\",\"dns\":{\"version\":2,\"type\":\"query\",\"id\":%d,"
                + "\"rrname\":\"%s\",\"rrtype\":\"A\",\"tx_id\":0,\"opcode\":0}}")
                .formatted(ts, flowId, addresses.inside(), addresses.ephemeralPort(), addresses.server(),
                        random.nextInt(65536), DOMAINS[random.nextInt(DOMAINS.length)]);
    }

    private String tls(String ts) {
        String sni = DOMAINS[random.nextInt(DOMAINS.length)];
        return ("{\"timestamp\":\"%s\",\"flow_id\":%d,\"in_iface\":\"eth0\",\"event_type\":\"tls\",\"src_ip\":\"%s\",\"src_port\":%d,"
                + "\"dest_ip\":\"%s\",\"dest_port\":443,\"proto\":\"TCP\",\"tls\":{\"sni\":\"%s\",\"version\":\"TLS 1.3\","
                + "\"ja3\":{\"hash\":\"%032x\"}}}")
                .formatted(ts, flowId, addresses.inside(), addresses.ephemeralPort(), addresses.outside(), sni,
                        random.nextLong() & Long.MAX_VALUE);
    }
}
