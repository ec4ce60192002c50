package com.ramparts.pki.profile;

import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.testing.ShippedConfiguration;
import com.ramparts.pki.testing.TestCsrs;
import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.ramparts.pki.testing.TestCsrs.dns;
import static com.ramparts.pki.testing.TestCsrs.email;
import static com.ramparts.pki.testing.TestCsrs.ip;
import static com.ramparts.pki.testing.TestCsrs.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The five profiles application.yml ships, against the requests they must accept and refuse. */
class ShippedProfilesTest {

    static final Profiles PROFILES = Profiles.compile(ShippedConfiguration.properties().profiles(), Set.of("issuing"));

    @Test
    void shipsTheProfilesOfTheIssues() {
        assertThat(PROFILES.names()).containsExactly("agent-tls", "cmp-signer", "ocsp-signer", "server-tls", "staff-signing", "tsa", "unit-signing");
        assertThat(PROFILES.require("tsa").extendedKeyUsage()).extracting(k -> k.getId()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(PROFILES.require("tsa").extendedKeyUsageCritical()).isTrue();
        assertThat(PROFILES.require("server-tls").extendedKeyUsageCritical()).isFalse();
        assertThat(PROFILES.require("unit-signing").extendedKeyUsage()).extracting(k -> k.getId())
                .containsExactly("1.3.6.1.5.5.7.3.36", "1.3.6.1.5.5.7.3.4");
        assertThat(PROFILES.require("ocsp-signer").ocspNoCheck()).isTrue();
        assertThat(PROFILES.require("ocsp-signer").aiaOcsp()).isFalse();
        assertThat(PROFILES.require("staff-signing").validity()).isEqualTo(Duration.ofDays(730));
    }

    @Test
    void unitSealKeepsItsFieldsInTheProfilesOrder() {
        CertificateContent content = apply("unit-signing", KeyAlgorithm.EC_P256,
                "CN=Ủy ban nhân dân phường Bến Nghé,organizationIdentifier=VN-79-26734,O=Phường Bến Nghé,L=Ho Chi Minh City,C=VN");
        assertThat(content.subject().getRDNs()[0].getFirst().getType()).isEqualTo(BCStyle.C);
        assertThat(content.subject().getRDNs()).hasSize(5);
        assertThat(content.subject().getRDNs()[4].getFirst().getType()).isEqualTo(BCStyle.CN);
        assertThat(content.subject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo("Ủy ban nhân dân phường Bến Nghé");
    }

    @Test
    void unitSealMustBeVietnamese() {
        assertRefused("unit-signing", KeyAlgorithm.EC_P256, TestCsrs.UNIT_SUBJECT.replace("C=VN", "C=FR"),
                PkiError.PROFILE_SUBJECT_PATTERN, "subject.C", "Subject field C = \"FR\" does not match the pattern VN required by profile unit-signing");
    }

    @Test
    void unitSealNeedsItsUnitCode() {
        assertRefused("unit-signing", KeyAlgorithm.EC_P256, "C=VN,L=Hue,O=Phường Thuận Hòa,CN=UBND phường Thuận Hòa",
                PkiError.PROFILE_SUBJECT_REQUIRED, "subject.organizationIdentifier",
                "Subject field organizationIdentifier is required by profile unit-signing.");
    }

    @Test
    void unitSealRefusesRsa2048AndFieldsOutsideTheProfile() {
        assertRefused("unit-signing", KeyAlgorithm.RSA_2048, TestCsrs.UNIT_SUBJECT, PkiError.PROFILE_KEY_NOT_ALLOWED, "csr.publicKey",
                "A RSA 2048 key is not allowed by profile unit-signing");
        assertRefused("unit-signing", KeyAlgorithm.EC_P256, TestCsrs.UNIT_SUBJECT + ",ST=Somewhere", PkiError.PROFILE_SUBJECT_NOT_ALLOWED,
                "subject.ST", "Subject field ST is not allowed by profile unit-signing");
        assertRefused("unit-signing", KeyAlgorithm.EC_P256, TestCsrs.UNIT_SUBJECT + ",OU=A,OU=B", PkiError.PROFILE_SUBJECT_REPEATED,
                "subject.OU", "Subject field OU appears more than once");
        // Bouncy Castle's own DN parser refuses a CN over 64 characters, so build it from ASN.1 as other tools might
        X500NameBuilder tooLong = new X500NameBuilder().addRDN(BCStyle.O, new DERUTF8String("Sở"))
                .addRDN(BCStyle.CN, new DERUTF8String("Ủ".repeat(65)));
        PkiException refused = catchThrowableOfType(PkiException.class, () -> PROFILES.require("server-tls").apply(
                CertificationRequests.parse(TestCsrs.der(TestCsrs.key(KeyAlgorithm.EC_P256), "SHA256withECDSA", tooLong.build()), 16384)));
        assertThat(refused.error()).isEqualTo(PkiError.PROFILE_SUBJECT_TOO_LONG);
        assertThat(refused.getMessage()).isEqualTo("Subject field CN has 65 characters; profile server-tls allows at most 64.");
    }

    @Test
    void staffCertificateNeedsAnIdentifierAndAnEmail() {
        CertificateContent ok = apply("staff-signing", KeyAlgorithm.EC_P256, TestCsrs.STAFF_SUBJECT, email("an.nv@hochiminhcity.gov.vn"));
        assertThat(ok.subjectAlternativeNames()).hasSize(1);
        assertRefused("staff-signing", KeyAlgorithm.EC_P256, "C=VN,O=Phường Bến Nghé,CN=Nguyễn Văn An", new GeneralName[]{email("an@x.vn")},
                PkiError.PROFILE_SUBJECT_ONE_OF_REQUIRED, "subject", "requires at least one of the subject fields serialNumber, UID");
        assertRefused("staff-signing", KeyAlgorithm.EC_P256, TestCsrs.STAFF_SUBJECT, new GeneralName[0],
                PkiError.PROFILE_SAN_REQUIRED, "san.email", "Profile staff-signing requires a subject alternative name of type email");
        assertRefused("staff-signing", KeyAlgorithm.EC_P256, TestCsrs.STAFF_SUBJECT, new GeneralName[]{email("an@x.vn"), dns("x.gov.vn")},
                PkiError.PROFILE_SAN_NOT_ALLOWED, "san", "names of type dns are not allowed by profile staff-signing");
        assertRefused("staff-signing", KeyAlgorithm.EC_P256, TestCsrs.STAFF_SUBJECT, new GeneralName[]{email("not an address")},
                PkiError.PROFILE_SAN_INVALID, "san.email", "is not valid");
        assertRefused("staff-signing", KeyAlgorithm.EC_P256, TestCsrs.STAFF_SUBJECT.replace("serialNumber=CCCD-", "serialNumber=CCCD_"),
                new GeneralName[]{email("an@x.vn")}, PkiError.PROFILE_SUBJECT_NOT_PRINTABLE, "subject.serialNumber", "PrintableString");
    }

    @Test
    void agentCertificateNamesItsSiteInTheUri() {
        apply("agent-tls", KeyAlgorithm.EC_P256, TestCsrs.AGENT_SUBJECT, uri("urn:ramparts:site:site-0042"));
        assertRefused("agent-tls", KeyAlgorithm.EC_P256, TestCsrs.AGENT_SUBJECT, new GeneralName[]{uri("urn:ramparts:site:site-0043")},
                PkiError.PROFILE_SAN_PATTERN, "san.uri", "does not match the pattern urn:ramparts:site:{CN} required by profile agent-tls");
    }

    @Test
    void serverCertificateStaysInsideTheAllowedDomainsAndNetworks() {
        apply("server-tls", KeyAlgorithm.EC_P256, TestCsrs.SERVER_SUBJECT, dns("portal.hcm.gov.vn"), ip("10.1.2.3"));
        assertRefused("server-tls", KeyAlgorithm.EC_P256, "CN=portal.example.com", new GeneralName[]{dns("portal.example.com")},
                PkiError.PROFILE_SAN_DOMAIN, "san.dns", "\"portal.example.com\" (DNS name) is outside the domains profile server-tls allows");
        assertRefused("server-tls", KeyAlgorithm.EC_P256, TestCsrs.SERVER_SUBJECT, new GeneralName[]{dns("portal.hcm.gov.vn"), ip("8.8.8.8")},
                PkiError.PROFILE_SAN_NETWORK, "san.ip", "IP address 8.8.8.8 is outside the networks profile server-tls allows");
        assertRefused("server-tls", KeyAlgorithm.EC_P256, TestCsrs.SERVER_SUBJECT, new GeneralName[]{dns("*.hcm.gov.vn")},
                PkiError.PROFILE_SAN_INVALID, "san.dns", "no wildcard");
        assertRefused("server-tls", KeyAlgorithm.EC_P256, TestCsrs.SERVER_SUBJECT, new GeneralName[]{dns("mail.hcm.gov.vn")},
                PkiError.PROFILE_COMMON_NAME_NOT_IN_SAN, "subject.CN", "must also appear as a DNS name");
        assertRefused("server-tls", KeyAlgorithm.EC_P256, TestCsrs.SERVER_SUBJECT, new GeneralName[0],
                PkiError.PROFILE_SAN_REQUIRED, "san.dns", "requires a subject alternative name of type dns");
    }

    @Test
    void aProfileNamesOnlyTheCasItAllows() {
        assertThat(PROFILES.require("server-tls").issuerFor(null)).isEqualTo("issuing");
        PkiException refused = catchThrowableOfType(PkiException.class, () -> PROFILES.require("server-tls").issuerFor("other"));
        assertThat(refused.error()).isEqualTo(PkiError.PROFILE_CA_NOT_ALLOWED);
        PkiException unknown = catchThrowableOfType(PkiException.class, () -> PROFILES.require("no-such-profile"));
        assertThat(unknown.getMessage()).contains("no profile named no-such-profile").contains("unit-signing");
    }

    @Test
    void badConfigurationStopsTheStartNamingTheKey() {
        PkiProperties.Profile good = ShippedConfiguration.properties().profiles().get("agent-tls");
        assertThatThrownBy(() -> compileWith(new PkiProperties.Profile(good.description(), good.issuers(), good.validity(),
                List.of("EC_P256", "DSA_1024"), good.subject(), good.subjectOneOf(), good.san(), good.keyUsage(),
                good.extendedKeyUsage(), good.policies(), false, false, true, true, true, false)))
                .hasMessageStartingWith("ramparts.pki.profiles.broken.key-types: unknown key type 'DSA_1024'");
        assertThatThrownBy(() -> compileWith(new PkiProperties.Profile(good.description(), good.issuers(), good.validity(),
                good.keyTypes(), good.subject(), good.subjectOneOf(), good.san(), List.of("keyCertSign"),
                good.extendedKeyUsage(), good.policies(), false, false, true, true, true, false)))
                .hasMessageStartingWith("ramparts.pki.profiles.broken.key-usage: unknown or CA-only key usage 'keyCertSign'");
        assertThatThrownBy(() -> compileWith(new PkiProperties.Profile(good.description(), good.issuers(), good.validity(),
                good.keyTypes(), List.of(new PkiProperties.SubjectField("nickname", true, null, null)), good.subjectOneOf(),
                good.san(), good.keyUsage(), good.extendedKeyUsage(), good.policies(), false, false, true, true, true, false)))
                .hasMessageStartingWith("ramparts.pki.profiles.broken.subject[0].field: unknown subject field 'nickname'");
        assertThatThrownBy(() -> Profiles.compile(Map.of("broken", good), Set.of("another-ca")))
                .hasMessageStartingWith("ramparts.pki.profiles.broken.issuers: CA 'issuing' is not configured");
    }

    private static void compileWith(PkiProperties.Profile profile) {
        Map<String, PkiProperties.Profile> map = new LinkedHashMap<>();
        map.put("broken", profile);
        Profiles.compile(map, Set.of("issuing"));
    }

    private static CertificateContent apply(String profile, KeyAlgorithm key, String subject, GeneralName... names) {
        ParsedCsr csr = CertificationRequests.parse(TestCsrs.der(key, subject, names), 16384);
        return PROFILES.require(profile).apply(csr);
    }

    private static void assertRefused(String profile, KeyAlgorithm key, String subject, PkiError error, String field, String message) {
        assertRefused(profile, key, subject, new GeneralName[0], error, field, message);
    }

    private static void assertRefused(String profile, KeyAlgorithm key, String subject, GeneralName[] names, PkiError error,
                                      String field, String message) {
        PkiException refused = catchThrowableOfType(PkiException.class, () -> apply(profile, key, subject, names));
        assertThat(refused).as("refusal of %s for %s", profile, subject).isNotNull();
        assertThat(refused.error()).isEqualTo(error);
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getMessage()).contains(message);
    }
}
