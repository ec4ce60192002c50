package com.ramparts.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaTrustTest {

    private static final TestCas.Ca ROOT = TestCas.root("CN=Test Root,O=City");
    private static final TestCas.Ca ISSUING = TestCas.issuing("CN=Test Issuing,O=City", ROOT);
    private static final TestCas.Ca OTHER_ROOT = TestCas.root("CN=Other Root,O=Elsewhere");

    private static String fingerprint(TestCas.Ca ca) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(CaTrust.sha256(ca.certificate()));
    }

    @Test
    void fingerprintsAreReadAsOpenSslPrintsThemAndPlain() {
        String colons = fingerprint(ROOT);
        CaTrust.Fingerprint expected = CaTrust.Fingerprint.parse(colons);
        assertThat(CaTrust.Fingerprint.parse("sha256 Fingerprint=" + colons)).isEqualTo(expected);
        assertThat(CaTrust.Fingerprint.parse("SHA256:" + colons.replace(":", "").toLowerCase())).isEqualTo(expected);
        assertThatThrownBy(() -> CaTrust.Fingerprint.parse(colons.substring(3))).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> CaTrust.Fingerprint.parse("zz" + colons.substring(2))).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> CaTrust.Fingerprint.parse("")).hasMessageContaining("64 hex digits");
    }

    @Test
    void aPinnedRootAcceptsItsChainInAnyOrderLowestFirst() throws Exception {
        List<java.security.cert.X509Certificate> trusted = CaTrust.Fingerprint.parse(fingerprint(ROOT))
                .accept(List.of(ROOT.certificate(), ISSUING.certificate()));
        assertThat(trusted).containsExactly(ISSUING.certificate(), ROOT.certificate());
        assertThat(CaTrust.Fingerprint.parse(fingerprint(ISSUING)).accept(List.of(ISSUING.certificate(), ROOT.certificate())))
                .containsExactly(ISSUING.certificate(), ROOT.certificate());
    }

    @Test
    void anotherPkiIsRefusedWithWhatItSent() {
        assertThatThrownBy(() -> CaTrust.Fingerprint.parse(fingerprint(ROOT)).accept(List.of(OTHER_ROOT.certificate())))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("none of the CA certificates")
                .hasMessageContaining("CN=Other Root");
    }

    @Test
    void aChainWithAForeignOrForgedLinkIsRefused() {
        TestCas.Ca forged = TestCas.forged("CN=Test Issuing,O=City", ROOT, OTHER_ROOT); // names the root, signed by another key
        assertThatThrownBy(() -> CaTrust.Fingerprint.parse(fingerprint(ROOT))
                .accept(List.of(forged.certificate(), ROOT.certificate())))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("is not signed by");
        assertThatThrownBy(() -> CaTrust.Fingerprint.parse(fingerprint(ROOT))
                .accept(List.of(ISSUING.certificate(), OTHER_ROOT.certificate())))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("not one chain");
        assertThatThrownBy(() -> CaTrust.Fingerprint.parse(fingerprint(ROOT)).accept(List.of()))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("no certificate");
    }

    @Test
    void aCaFileAnchorsTheChainItSigned() throws Exception {
        assertThat(new CaTrust.Anchors(List.of(ROOT.certificate())).accept(List.of(ISSUING.certificate(), ROOT.certificate())))
                .containsExactly(ISSUING.certificate(), ROOT.certificate());
        assertThat(new CaTrust.Anchors(List.of(ROOT.certificate())).accept(List.of(ISSUING.certificate())))
                .containsExactly(ISSUING.certificate(), ROOT.certificate());
        assertThatThrownBy(() -> new CaTrust.Anchors(List.of(OTHER_ROOT.certificate()))
                .accept(List.of(ISSUING.certificate(), ROOT.certificate())))
                .isInstanceOf(EnrolmentException.class).hasMessageContaining("do not chain to the CA file");
    }
}
