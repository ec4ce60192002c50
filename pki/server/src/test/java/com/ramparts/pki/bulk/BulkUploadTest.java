package com.ramparts.pki.bulk;

import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.ra.imports.RowError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulk upload's zip reader on good, malformed, truncated, oversized and hostile archives. */
class BulkUploadTest {

    static final BulkUpload.Limits LIMITS = new BulkUpload.Limits(10, 1_000_000, 100_000, 16_384);
    static final byte[] CSV = "staff_id,citizen_id,full_name,unit_code,email,title\n".getBytes(StandardCharsets.UTF_8);

    static BulkUpload read(byte[] zip) throws IOException {
        return read(zip, LIMITS);
    }

    static BulkUpload read(byte[] zip, BulkUpload.Limits limits) throws IOException {
        return BulkUpload.read(new ByteArrayInputStream(zip), limits);
    }

    static Map<String, byte[]> entries(Object... nameAndContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Object content = nameAndContent[i + 1];
            entries.put((String) nameAndContent[i], content instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) content);
        }
        return entries;
    }

    @Test
    void readsTheStaffListAndTheCsrsByStaffIdFromAnyFolder() throws IOException {
        BulkUpload upload = read(BulkFixtures.zip(entries("staff.csv", CSV, "csr/NV-1.csr", "a", "NV-2.pem", "b", "x/y/NV-3.der", "c",
                "__MACOSX/._NV-1.csr", "junk", "csr/", new byte[0])));
        assertThat(upload.errors()).isEmpty();
        assertThat(upload.staffCsv()).isEqualTo(CSV);
        assertThat(upload.csrs()).containsOnlyKeys("NV-1", "NV-2", "NV-3");
    }

    @Test
    void namesEveryProblemWithTheEntries() throws IOException {
        BulkUpload upload = read(BulkFixtures.zip(entries("staff.csv", CSV, "a/NV-1.csr", "a", "b/NV-1.pem", "b", "notes.txt", "hello",
                "../../etc/NV-9 x.csr", "x", "big/NV-5.csr", new byte[20_000])));
        assertThat(upload.errors()).extracting(RowError::column).containsExactly("b/NV-1.pem", "notes.txt", "../../etc/NV-9 x.csr", "big/NV-5.csr");
        assertThat(upload.errors().get(0).reason()).contains("a second CSR for staff NV-1");
        assertThat(upload.errors().get(3).reason()).contains("larger than 16384 bytes");
    }

    @Test
    void aZipWithoutStaffCsvOrWithTwoIsRefused() throws IOException {
        assertThat(read(BulkFixtures.zip(entries("NV-1.csr", "a"))).errors()).extracting(RowError::reason)
                .containsExactly("the zip has no staff.csv");
        assertThat(read(BulkFixtures.zip(entries("staff.csv", CSV, "other/STAFF.CSV", CSV))).errors()).extracting(RowError::reason)
                .containsExactly("a second staff.csv");
    }

    @Test
    void somethingThatIsNotAZipIsAnEmptyUpload() throws IOException {
        assertThat(read("staff_id,citizen_id\n".getBytes(StandardCharsets.UTF_8)).errors()).extracting(RowError::reason)
                .singleElement().asString().contains("empty or not a zip");
        assertThat(read(new byte[0]).errors()).hasSize(1);
    }

    @Test
    void aTruncatedZipIsRefusedNotHalfRead() throws IOException {
        byte[] zip = BulkFixtures.zip(entries("staff.csv", CSV, "NV-1.csr", new byte[5000]));
        BulkUpload upload = read(Arrays.copyOf(zip, zip.length / 3));
        assertThat(upload.errors()).extracting(RowError::reason).singleElement().asString().contains("not a complete zip");
        assertThat(upload.csrs()).isEmpty();
    }

    @Test
    void aZipCutInItsCentralDirectoryIsRefusedThoughEveryEntryIsWhole() throws IOException {
        byte[] zip = BulkFixtures.zip(entries("staff.csv", CSV, "NV-1.csr", "a"));
        assertThat(read(Arrays.copyOf(zip, zip.length - 10)).errors()).extracting(RowError::reason).singleElement().asString()
                .contains("end record is missing");
        assertThat(read(zip).errors()).isEmpty();
    }

    @Test
    void aZipBombStopsAtTheUncompressedLimitWithoutInflatingIt() throws IOException {
        // 50 MB of zeros deflate to about 50 KB; the limit is 1 MB, counted while inflating
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("staff.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        assertThatThrownBy(() -> read(bytes.toByteArray(), new BulkUpload.Limits(10, 1_000_000, 100_000_000, 16_384)))
                .isInstanceOf(PkiException.class).hasMessageContaining("more than 1000000 bytes");
        // and an oversized CSR among small files is drained within the same budget
        assertThatThrownBy(() -> read(bytes.toByteArray(), LIMITS)).isInstanceOf(PkiException.class);
    }

    @Test
    void tooManyEntriesAreRefused() {
        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("staff.csv", CSV);
        for (int i = 0; i < 20; i++) {
            many.put("NV-" + i + ".csr", new byte[]{1});
        }
        assertThatThrownBy(() -> read(BulkFixtures.zip(many))).isInstanceOf(PkiException.class).hasMessageContaining("more than 10 entries");
    }
}
