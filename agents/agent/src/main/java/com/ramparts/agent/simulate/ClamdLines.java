package com.ramparts.agent.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * clamd's log with {@code LogTime yes} (ctime dates in the host's zone, like the fixture
 * {@code clamav/clamd.log}): the periodic self-check, and a FOUND line when malware arrives.
 */
final class ClamdLines implements LineGenerator {

    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private static final String[] FILES = {"/home/ketoan/Downloads/hoa-don-%d.pdf.exe", "/srv/share/scan/cong-van-%d.doc",
        "/home/vanthu/Downloads/bao-gia-%d.zip"};

    private final Random random;
    private final Scenario scenario;
    private final ZoneId zone;

    ClamdLines(Random random, Scenario scenario, ZoneId zone) {
        this.random = random;
        this.scenario = scenario;
        this.zone = zone;
    }

    @Override
    public String next(Instant now) {
        String date = CTIME.format(now.atZone(zone));
        if (scenario.takeMalwareForAntivirus()) {
            String file = FILES[random.nextInt(FILES.length)].formatted(1000 + random.nextInt(9000));
            return date + " -> " + file + ": Ramparts.Test.EICAR.Hash.UNOFFICIAL(44d88612fea8a8f36de82e1278abb02f:68) FOUND";
        }
        return date + " -> SelfCheck: Database status OK.";
    }
}
