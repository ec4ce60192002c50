package com.ramparts.detection.ioc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixtures in src/test/resources/ioc (how they were made: its README.md). */
final class Feeds {

    static final String STIX = "vncert-2026-11.stix.json";
    static final String MISP = "ncsc-warning-2026-041.misp.json";
    static final String CSV = "city-blocklist.csv";

    private Feeds() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Feeds.class.getResourceAsStream("/ioc/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static IndicatorFeed read(String name) {
        return IndicatorLoader.withDefaults().read(name, bytes(name));
    }

    static IndicatorFeed read(String name, String content) {
        return IndicatorLoader.withDefaults().read(name, content.getBytes(StandardCharsets.UTF_8));
    }
}
