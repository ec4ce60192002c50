package com.ramparts.pki.ra.request;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.profile.CertificateContent;
import com.ramparts.pki.ra.staff.Staff;
import com.ramparts.pki.ra.unit.Unit;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What the profile cannot know: that a seal names its own unit, a staff certificate the person of
 * the RA record, and a server certificate only its unit's domains.
 */
public final class RecordCheck {

    private RecordCheck() {
    }

    public static void check(String profile, CertificateContent content, Unit unit, Staff staff) {
        switch (profile) {
            case "unit-signing" -> expect("subject.organizationIdentifier", value(content, BCStyle.ORGANIZATION_IDENTIFIER), unit.code());
            case "staff-signing" -> {
                expect("subject.CN", nfc(value(content, BCStyle.CN)), staff.fullName());
                String serial = value(content, BCStyle.SERIALNUMBER);
                if (serial != null && !serial.matches("([A-Z]{2,6}-)?" + staff.citizenId())) {
                    throw new PkiException(PkiError.RA_RECORD_MISMATCH, "subject.serialNumber", "subject.serialNumber", serial, staff.citizenId());
                }
                String uid = value(content, BCStyle.UID);
                if (uid != null) {
                    expect("subject.UID", uid, staff.staffId());
                }
                String email = content.subjectAlternativeNames().stream().filter(n -> n.getTagNo() == GeneralName.rfc822Name)
                        .map(n -> ((ASN1String) n.getName()).getString().toLowerCase(Locale.ROOT)).findFirst().orElse(null);
                expect("san.email", email, staff.email().toLowerCase(Locale.ROOT));
            }
            case "server-tls" -> content.subjectAlternativeNames().stream().filter(n -> n.getTagNo() == GeneralName.dNSName)
                    .map(n -> ((ASN1String) n.getName()).getString().toLowerCase(Locale.ROOT))
                    .filter(dns -> !unit.allowsDnsName(dns))
                    .findFirst().ifPresent(dns -> {
                        throw new PkiException(PkiError.RA_RECORD_MISMATCH, "san.dns", "san.dns", dns,
                                "one of the unit's domains " + unit.allowedDomains());
                    });
            default -> {
            }
        }
    }

    private static void expect(String field, String actual, String expected) {
        if (actual == null || !actual.equals(expected)) {
            throw new PkiException(PkiError.RA_RECORD_MISMATCH, field, field, actual == null ? "" : actual, expected);
        }
    }

    private static String value(CertificateContent content, ASN1ObjectIdentifier type) {
        RDN[] rdns = content.subject().getRDNs(type);
        return rdns.length == 0 ? null : ((ASN1String) rdns[0].getFirst().getValue()).getString();
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
