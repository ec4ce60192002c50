package com.ramparts.runtime.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenSearchDistributionTest {

    private static final String TOP = "opensearch-9.9.9/";
    private static final String MARKER = ".ramparts-unpacked";

    @TempDir
    Path dir;

    /** One zip entry; a name ending in '/' is a directory. */
    private record Entry(String name, String content) {
        static Entry directory(String name) {
            return new Entry(name, null);
        }

        static Entry file(String name, String content) {
            return new Entry(name, content);
        }
    }

    private static final List<Entry> DISTRIBUTION = List.of(
            Entry.directory(TOP),
            Entry.directory(TOP + "bin/"),
            Entry.file(TOP + "bin/opensearch", "#!/bin/sh\necho opensearch\n"),
            Entry.directory(TOP + "config/"),
            Entry.file(TOP + "config/jvm.options", "-Xms1g\n-Xmx1g\n"),
            Entry.directory(TOP + "lib/"),
            Entry.file(TOP + "lib/x.jar", "not really a jar"));

    private Path zip(List<Entry> entries) throws IOException {
        Path zip = Files.createDirectories(dir.resolve("repo")).resolve("opensearch-9.9.9.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Entry e : entries) {
                out.putNextEntry(new ZipEntry(e.name()));
                if (e.content() != null) {
                    out.write(e.content().getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path distributionZip() throws IOException {
        return zip(DISTRIBUTION);
    }

    private Path parent() {
        return dir.resolve("dist");
    }

    private Path home() {
        return parent().resolve("opensearch-9.9.9");
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file under the test's temp dir whose name contains {@code evil}. */
    private List<Path> evilFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.getFileName().toString().contains("evil")).toList();
        }
    }

    private void assertNoHomeWasLeftToTrust() {
        assertThat(home().resolve(MARKER)).doesNotExist();
        assertThat(home()).doesNotExist();
    }

    @Test
    void unpacksTheZipsTopDirectoryIntoAHomeNamedAfterTheZip() throws IOException {
        Path home = OpenSearchDistribution.unpackOnce(distributionZip(), parent());

        assertThat(home).isEqualTo(home());
        assertThat(home.resolve("bin/opensearch")).hasContent("#!/bin/sh\necho opensearch");
        assertThat(home.resolve("config/jvm.options")).hasContent("-Xms1g\n-Xmx1g");
        assertThat(home.resolve("lib/x.jar")).hasContent("not really a jar");
        assertThat(home.resolve(MARKER)).isRegularFile();
    }

    @Test
    void leavesNothingButTheHomeInTheParent() throws IOException {
        OpenSearchDistribution.unpackOnce(distributionZip(), parent());

        assertThat(names(parent())).containsExactly("opensearch-9.9.9");
    }

    @Test
    void filesInBinBecomeExecutableAndEverythingIsReadableByEveryone() throws IOException {
        Path home = OpenSearchDistribution.unpackOnce(distributionZip(), parent());

        assertThat(perms(home.resolve("bin/opensearch"))).isEqualTo("rwxr-xr-x");
        assertThat(perms(home.resolve("config/jvm.options"))).isEqualTo("rw-r--r--");
        assertThat(perms(home.resolve("lib/x.jar"))).isEqualTo("rw-r--r--");
        for (String d : List.of("", "bin", "config", "lib")) {
            assertThat(perms(home.resolve(d))).as("permissions of %s/", d).isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    void aZipWithoutDirectoryEntriesUnpacksToo() throws IOException {
        Path zip = zip(DISTRIBUTION.stream().filter(e -> e.content() != null).toList());

        Path home = OpenSearchDistribution.unpackOnce(zip, parent());

        assertThat(home.resolve("bin/opensearch")).isRegularFile().isExecutable();
        assertThat(home.resolve("lib/x.jar")).isRegularFile();
        assertThat(home.resolve(MARKER)).isRegularFile();
    }

    @Test
    void aSecondCallKeepsTheFirstUnpackedCopy() throws IOException {
        Path zip = distributionZip();
        Path first = OpenSearchDistribution.unpackOnce(zip, parent());
        Files.writeString(first.resolve("config/jvm.options"), "changed after unpacking\n");
        Files.writeString(first.resolve("added.txt"), "mine");

        Path second = OpenSearchDistribution.unpackOnce(zip, parent());

        assertThat(second).isEqualTo(first);
        assertThat(second.resolve("config/jvm.options")).hasContent("changed after unpacking");
        assertThat(second.resolve("added.txt")).hasContent("mine");
        assertThat(names(parent())).containsExactly("opensearch-9.9.9");
    }

    @Test
    void aMissingZipTellsToBuildFirst() {
        Path missing = dir.resolve("repo/opensearch-9.9.9.zip");

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(missing, parent()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("build");
        assertThat(parent()).doesNotExist();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"../evil.txt", "../../evil.txt", TOP + "../../evil.txt", TOP + "bin/../../../evil.txt",
            "ABSOLUTE"})
    void anEntryEscapingTheTargetIsRefusedAndWritesNothingOutside(String evilName) throws IOException {
        String name = evilName.equals("ABSOLUTE") ? dir.resolve("absolute-evil.txt").toAbsolutePath().toString() : evilName;
        List<Entry> entries = new java.util.ArrayList<>(DISTRIBUTION);
        entries.add(3, Entry.file(name, "pwned"));
        Path zip = zip(entries);

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(zip, parent()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(zip.toString())
                .rootCause().hasMessageContaining("escapes the target directory").hasMessageContaining(name);

        assertThat(evilFiles()).isEmpty();
        assertNoHomeWasLeftToTrust();
    }

    @Test
    void aZipWithTwoTopLevelDirectoriesIsRefused() throws IOException {
        List<Entry> entries = new java.util.ArrayList<>(DISTRIBUTION);
        entries.add(Entry.file("other-9.9.9/README", "second top directory"));
        Path zip = zip(entries);

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(zip, parent()))
                .isInstanceOf(UncheckedIOException.class)
                .rootCause().hasMessageContaining("one top-level directory");
        assertNoHomeWasLeftToTrust();
    }

    @Test
    void aZipWithoutATopLevelDirectoryIsRefused() throws IOException {
        Path zip = zip(List.of(Entry.file("README", "no directory at all")));

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(zip, parent()))
                .isInstanceOf(UncheckedIOException.class)
                .rootCause().hasMessageContaining("one top-level directory");
        assertNoHomeWasLeftToTrust();
    }

    @Test
    void aFileOfRandomBytesIsRefusedAndALaterGoodZipStillUnpacks() throws IOException {
        Path zip = dir.resolve("repo/opensearch-9.9.9.zip");
        byte[] noise = new byte[10_000];
        new Random(42).nextBytes(noise);
        Files.createDirectories(zip.getParent());
        Files.write(zip, noise);

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(zip, parent())).isInstanceOf(UncheckedIOException.class);
        assertNoHomeWasLeftToTrust();

        assertThat(OpenSearchDistribution.unpackOnce(distributionZip(), parent()).resolve("bin/opensearch")).isRegularFile();
    }

    @Test
    void aZipCutInHalfIsRefusedAndALaterGoodZipStillUnpacks() throws IOException {
        Path zip = distributionZip();
        byte[] whole = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(zip, parent())).isInstanceOf(UncheckedIOException.class);
        assertNoHomeWasLeftToTrust();

        assertThat(OpenSearchDistribution.unpackOnce(distributionZip(), parent()).resolve("bin/opensearch")).isRegularFile();
    }

    @Test
    void aZipWithCorruptEntryDataIsRefusedWithoutLeavingAHome() throws IOException {
        // a large, incompressible last entry: the middle of the file is its compressed data, the central directory stays intact
        byte[] random = new byte[200_000];
        new Random(7).nextBytes(random);
        List<Entry> entries = new java.util.ArrayList<>(DISTRIBUTION);
        entries.add(Entry.file(TOP + "lib/big.jar", java.util.HexFormat.of().formatHex(random)));
        Path zip = zip(entries);
        byte[] bytes = Files.readAllBytes(zip);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(bytes);
        }

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(zip, parent())).isInstanceOf(UncheckedIOException.class);
        assertNoHomeWasLeftToTrust();
    }

    @Test
    void aFailedUnpackLeavesNoPartialCopyBehind() throws IOException {
        List<Entry> entries = new java.util.ArrayList<>(DISTRIBUTION);
        entries.add(Entry.file("../evil.txt", "pwned"));
        Path zip = zip(entries);

        assertThatThrownBy(() -> OpenSearchDistribution.unpackOnce(zip, parent())).isInstanceOf(UncheckedIOException.class);

        assertThat(names(parent())).isEmpty();
    }

    @Test
    void anIncompleteHomeFromBeforeIsReplaced() throws IOException {
        Files.createDirectories(home().resolve("bin"));
        Files.writeString(home().resolve("bin/opensearch"), "half written");

        Path home = OpenSearchDistribution.unpackOnce(distributionZip(), parent());

        assertThat(home.resolve(MARKER)).isRegularFile();
        assertThat(home.resolve("bin/opensearch")).hasContent("#!/bin/sh\necho opensearch");
        assertThat(names(parent())).containsExactly("opensearch-9.9.9");
    }

    @Test
    void anEmptyHomeDirectoryFromBeforeIsReplaced() throws IOException {
        Files.createDirectories(home());

        Path home = OpenSearchDistribution.unpackOnce(distributionZip(), parent());

        assertThat(home.resolve(MARKER)).isRegularFile();
        assertThat(home.resolve("bin/opensearch")).isRegularFile();
    }
}
