package com.ramparts.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of lists where some are broken, and hostile input: never a crash, always a problem that says where. */
class IndicatorLoaderTest {

    @TempDir
    Path directory;

    @Test
    void aBrokenFileNeverStopsTheOthers() throws IOException {
        Files.write(directory.resolve(Feeds.STIX), Feeds.bytes(Feeds.STIX));
        Files.createDirectories(directory.resolve("cert"));
        Files.write(directory.resolve("cert").resolve(Feeds.MISP), Feeds.bytes(Feeds.MISP));
        Files.write(directory.resolve(Feeds.CSV), Feeds.bytes(Feeds.CSV));
        Files.writeString(directory.resolve("truncated.stix.json"), Feeds.text(Feeds.STIX).substring(0, 900));
        Files.writeString(directory.resolve("README.md"), "# not a list");
        Files.writeString(directory.resolve(".draft.csv"), "garbage");

        IndicatorLoad load = IndicatorLoader.withDefaults().load(directory);
        assertThat(load.feeds()).extracting(IndicatorFeed::name)
                .as("in path order: cert/ first").containsExactly("ncsc-warning-2026-041", "city-blocklist", "truncated", "vncert-2026-11");
        assertThat(load.indicators().countByFeed()).containsEntry("city-blocklist", 7).containsEntry("ncsc-warning-2026-041", 13)
                .containsEntry("vncert-2026-11", 10).doesNotContainKey("truncated");
        assertThat(load.problems()).filteredOn(p -> p.file().endsWith("truncated.stix.json")).singleElement()
                .satisfies(p -> {
                    assertThat(p.message()).contains("truncated");
                    assertThat(p.line()).isPositive();
                });
        assertThat(load.problems()).hasSize(8 + 2 + 4 + 1);
    }

    @Test
    void theListsShippedInRulesIocLoadCleanlyAndTheCanaryMatches() {
        IndicatorLoad load = IndicatorLoader.withDefaults().load(Path.of("../../rules/ioc"));
        assertThat(load.problems()).extracting(IndicatorProblem::toString).isEmpty();
        assertThat(load.indicators().countByFeed()).containsEntry("ramparts-canary", 1);
        assertThat(load.indicators().match(com.ramparts.detection.Sigma.event("suricata.eve", java.time.Instant.now(),
                "dns.question.name", "ioc-canary.ramparts.invalid"))).singleElement()
                .satisfies(hit -> assertThat(hit.indicator().ruleId()).isEqualTo("ioc:ramparts-canary"));
    }

    @Test
    void aMissingDirectoryIsOneProblem() {
        IndicatorLoad load = IndicatorLoader.withDefaults().load(directory.resolve("nope"));
        assertThat(load.indicators().size()).isZero();
        assertThat(load.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }

    @Test
    void malformedAndHostileDocumentsAreRefusedWithAReason() {
        assertProblem("x.json", "", "the file is empty");
        assertProblem("x.json", "{\"type\": \"bundle\"", "truncated");
        assertProblem("x.json", "{\"type\": \"bundle\", \"type\": \"bundle\"}", "Duplicate");
        assertProblem("x.json", "[".repeat(10_000), "not valid JSON");
        assertProblem("x.json", "{} {}", "more than one JSON document");
        assertProblem("x.json", "{\"hello\": 1}", "neither a STIX 2.1 bundle");
        assertProblem("x.json", "{\"type\": \"indicator\"}", "not a STIX bundle");
        assertProblem("x.json", "{\"type\": \"bundle\", \"objects\": 5}", "\"objects\" must be an array");
        assertProblem("x.json", "{\"type\": \"bundle\", \"objects\": [7]}", "must be a JSON object");
        assertProblem("x.json", "{\"Event\": {\"Attribute\": {}}}", "\"Attribute\" must be an array");
        assertProblem("x.json", "{\"Event\": {\"Attribute\": [{\"type\": \"ip-dst\"}]}}", "needs a type and a value");
        assertProblem("x.json", "{\"Event\": {\"Attribute\": [{\"type\": \"domain|ip\", \"value\": \"a\", \"to_ids\": true}]}}",
                "domain|ip");
        assertProblem("x.csv", "type,value\nip,\"" + "9".repeat(70_000) + "\"\n", "at most 65536");
        assertProblem("x.txt", "type,value\n", "must end in .csv or .json");
        assertThat(IndicatorLoader.withDefaults().read("x.csv", new byte[] {(byte) 0xC3, 0x28}).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not UTF-8"));
        IndicatorFeed big = new IndicatorLoader(new IndicatorLoader.Limits(100, 10)).read("x.csv", new byte[101]);
        assertThat(big.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("larger than 100 bytes"));
    }

    @Test
    void indicatorsBeyondThePerFileLimitAreLeftOutAndSaidSo() {
        StringBuilder csv = new StringBuilder("type,value\n");
        for (int i = 0; i < 20; i++) {
            csv.append("ip,192.0.2.").append(i).append('\n');
        }
        IndicatorFeed feed = new IndicatorLoader(new IndicatorLoader.Limits(1 << 20, 15))
                .read("x.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(feed.indicators()).hasSize(15);
        assertThat(feed.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("more than 15 indicators"));
        assertThat(feed.skipped()).containsValue(5);
    }

    @Test
    void randomlyDamagedFixturesNeverThrow() {
        Random random = new Random(42);
        for (String name : new String[] {Feeds.STIX, Feeds.MISP, Feeds.CSV}) {
            byte[] original = Feeds.bytes(name);
            for (int round = 0; round < 300; round++) {
                byte[] damaged = original.clone();
                int edits = 1 + random.nextInt(8);
                for (int i = 0; i < edits; i++) {
                    String damage = "\"{}[],:'|\\ x0\n";
                    damaged[random.nextInt(damaged.length)] = (byte) damage.charAt(random.nextInt(damage.length()));
                }
                int length = random.nextInt(4) == 0 ? random.nextInt(damaged.length) : damaged.length;
                byte[] cut = java.util.Arrays.copyOf(damaged, length);
                assertThatCode(() -> {
                    IndicatorFeed feed = IndicatorLoader.withDefaults().read(name, cut);
                    IndicatorSet.of(feed.indicators());
                }).as(name + " round " + round).doesNotThrowAnyException();
            }
        }
    }

    private static void assertProblem(String file, String content, String message) {
        IndicatorFeed feed = Feeds.read(file, content);
        assertThat(feed.indicators()).as(content.length() > 80 ? content.substring(0, 80) : content).isEmpty();
        assertThat(feed.problems()).as(file).anySatisfy(p -> assertThat(p.message()).contains(message));
    }
}
