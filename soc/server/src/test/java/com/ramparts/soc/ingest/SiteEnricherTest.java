package com.ramparts.soc.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SiteEnricherTest {

    @Test
    void aMemberIsAppendedBeforeTheClosingBraceOfTheDocument() {
        byte[] document = "{\"@timestamp\":\"2026-03-01T00:00:00Z\",\"ramparts\":{\"site_id\":\"w\"}}\n  ".getBytes(StandardCharsets.UTF_8);
        byte[] enriched = SiteEnricher.append(document, "\"ramparts.unit_id\":\"u1\"");
        assertThat(new String(enriched, StandardCharsets.UTF_8))
                .isEqualTo("{\"@timestamp\":\"2026-03-01T00:00:00Z\",\"ramparts\":{\"site_id\":\"w\"},\"ramparts.unit_id\":\"u1\"}");
    }
}
