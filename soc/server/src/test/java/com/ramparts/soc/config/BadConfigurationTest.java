package com.ramparts.soc.config;

import com.ramparts.soc.SocApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * soc refuses to start on a bad setting, and what it prints names the key (Spring prints keys checked
 * by annotations in their Java form, {@code ramparts.soc.ingest.maxPollRecords}).
 */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ramparts.soc.ingest.bulk-max-bytes=500MB               | bulk-max-bytes must be between 1KB and 100MB",
            "ramparts.soc.ingest.max-poll-records=0                 | ramparts.soc.ingest.maxPollRecords",
            "ramparts.soc.ingest.retry-max-backoff=10ms             | retry-max-backoff (PT0.01S) must not be shorter",
            "ramparts.soc.open-search.index-prefix=Events_          | ramparts.soc.openSearch.indexPrefix",
            "ramparts.soc.kafka.topics.events.name=no spaces        | ramparts.soc.kafka.topics.events.name",
            "ramparts.soc.kafka.topics.dead-letter.partitions=0     | ramparts.soc.kafka.topics.deadLetter.partitions",
            "ramparts.soc.open-search.retention.datasets.suricata=0 | datasets.suricata must be at least 1 day",
            "ramparts.soc.response.pki.url=ftp://pki.example.test   | url must be an http or https URL, was ftp://pki.example.test",
            "ramparts.soc.response.mail.port=0                      | ramparts.soc.response.mail.port",
            "ramparts.soc.incident-search.index=Incidents           | ramparts.soc.incidentSearch.index",
            "ramparts.soc.units.pki-url=ftp://pki.lan               | pki-url must be an http or https URL",
            "ramparts.soc.units.pki-url=http://127.0.0.1:8081       | pki-token-file is required when pki-url is set",
            "ramparts.soc.units.district-depth=-1                   | ramparts.soc.units.districtDepth",
            "ramparts.soc.posture.signature-max-age=0s              | signature-max-age must be positive",
            "ramparts.soc.posture.history-retention=1m              | history-retention (PT1M) must not be shorter",
    })
    void aBadSettingIsRefusedAtStartWithItsKey(String setting, String named, CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SocApplication.class)
                .run("--" + setting,
                        "--server.port=0",
                        "--ramparts.soc.ingest.enabled=false",
                        "--ramparts.soc.data-dir=" + dataDir,
                        "--ramparts.soc.admin-credentials-file=" + dataDir.resolve("admin-credentials"))
                .close());
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START").contains(named);
    }
}
