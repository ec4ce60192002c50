package com.ramparts.agent.simulate;

import java.util.Random;

/** A site's address plan: 10.<site>.x.y inside, documentation ranges (RFC 5737) outside. */
final class Addresses {

    private final int site;
    private final Random random;

    Addresses(int siteIndex, Random random) {
        this.site = 10 + siteIndex % 240;
        this.random = random;
    }

    String inside() {
        return "10." + site + "." + (1 + random.nextInt(4)) + "." + (10 + random.nextInt(200));
    }

    String server() {
        return "10." + site + ".0." + (2 + random.nextInt(8));
    }

    String outside() {
        return switch (random.nextInt(3)) {
            case 0 -> "192.0.2." + (1 + random.nextInt(254));
            case 1 -> "198.51.100." + (1 + random.nextInt(254));
            default -> "203.0.113." + (1 + random.nextInt(254));
        };
    }

    int ephemeralPort() {
        return 32768 + random.nextInt(28000);
    }
}
