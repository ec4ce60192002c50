package com.ramparts.pki.bulk;

import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Staff lists and their CSRs as a unit's IT officer would collect them: one real key per person. */
public final class BulkFixtures {

    static final String HEADER = "staff_id,citizen_id,full_name,unit_code,email,title\n";

    public record Person(String staffId, String citizenId, String fullName, String unit, String unitName, String email, String title) {
        String csvLine() {
            return String.join(",", staffId, citizenId, fullName, unit, email, title == null ? "" : title) + "\n";
        }
    }

    private BulkFixtures() {
    }

    /** {@code count} people of one unit, ids {@code prefix-0001...}, citizen ids from {@code citizenBase}. */
    public static List<Person> people(String prefix, long citizenBase, int count, String unit, String unitName) {
        List<Person> people = new ArrayList<>();
        String[] names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Minh Đức", "Võ Thị Hạnh", "Đặng Quốc Khánh"};
        for (int i = 1; i <= count; i++) {
            String id = String.format("%s-%04d", prefix, i);
            people.add(new Person(id, String.format("%012d", citizenBase + i), names[i % names.length], unit, unitName,
                    id.toLowerCase() + "@" + unit.toLowerCase() + ".hcm.gov.vn", i % 2 == 0 ? "Chuyên viên" : null));
        }
        return people;
    }

    /** A CSR as the staff-signing profile and the RA record want it, for a fresh key. */
    static byte[] csr(Person person) {
        return csr(person, person.fullName(), newKey());
    }

    static byte[] csr(Person person, String commonName, KeyPair key) {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, person.unitName());
        if (person.title() != null) {
            subject.addRDN(BCStyle.T, person.title());
        }
        subject.addRDN(BCStyle.CN, commonName).addRDN(BCStyle.SERIALNUMBER, "CCCD-" + person.citizenId()).addRDN(BCStyle.UID, person.staffId());
        byte[] der = TestCsrs.der(key, KeyAlgorithm.EC_P256.signatureAlgorithm(), subject.build(), TestCsrs.email(person.email()));
        return Pem.encode("CERTIFICATE REQUEST", der).getBytes(StandardCharsets.US_ASCII);
    }

    static KeyPair newKey() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String csv(List<Person> people) {
        StringBuilder csv = new StringBuilder(HEADER);
        people.forEach(p -> csv.append(p.csvLine()));
        return csv.toString();
    }

    /** staff.csv and one {@code csr/<staff_id>.csr} per person. */
    public static byte[] zip(List<Person> people) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("staff.csv", csv(people).getBytes(StandardCharsets.UTF_8));
        people.forEach(p -> entries.put("csr/" + p.staffId() + ".csr", csr(p)));
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String unitsCsv(String code, String name) {
        return "code,name,parent_code,allowed_domains\n" + code + "," + name + ",,\n";
    }
}
