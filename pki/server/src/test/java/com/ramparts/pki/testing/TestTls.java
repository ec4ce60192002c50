package com.ramparts.pki.testing;

import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.ca.PublicationPoints;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.profile.Profiles;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A server-tls certificate for 127.0.0.1/localhost issued from the test hierarchy's issuing CA by
 * the real issuance code (into a scratch inventory, before the service under test starts), and a
 * trust store with the test root and issuing CA for client certificates.
 */
public record TestTls(Path keyStore, Path trustStore, String password, Path rootPem, Path issuingPem) {

    public static TestTls issue(TestHierarchy hierarchy, Path directory) {
        try {
            Files.createDirectories(directory);
            // one connection throughout: H2 binds a table's check constraints to the session that created it
            SingleConnectionDataSource scratch = new SingleConnectionDataSource("jdbc:h2:mem:tls-" + System.nanoTime(), true);
            Flyway.configure().dataSource(scratch).load().migrate();
            CaSigner ca;
            try (Passphrase passphrase = Passphrase.fromFile(hierarchy.passphraseFile())) {
                ca = Pkcs12CaSigner.load("issuing", hierarchy.issuingKeystore(), passphrase);
            }
            IssuanceService issuance = new IssuanceService(new CertificateAuthorities(List.of(ca)),
                    Profiles.compile(ShippedConfiguration.properties().profiles(), Set.of("issuing")), new CertificateInventory(scratch),
                    new PublicationPoints(URI.create("http://127.0.0.1")), 16384, Clock.systemUTC());
            Path keyStore = directory.resolve("server-tls.p12");
            try (Passphrase passphrase = Passphrase.fromFile(hierarchy.passphraseFile())) {
                Pkcs12CaSigner.generate("tls", keyStore, passphrase, KeyAlgorithm.EC_P256, true, key -> {
                    try {
                        ExtensionsGenerator extensions = new ExtensionsGenerator();
                        extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
                        byte[] csr = new PKCS10CertificationRequestBuilder(new X500Name("CN=localhost"), key.publicKey())
                                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                                .build(key.contentSigner()).getEncoded();
                        IssuedCertificate issued = issuance.issue(new IssuanceRequest(csr, "server-tls", null, "test"));
                        return Stream.concat(Stream.of(issued.certificate()), ca.chain().stream()).toList();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509CertificateHolder> chain = ca.chain();
            for (int i = 0; i < chain.size(); i++) {
                trust.setCertificateEntry("ca-" + i, converter.getCertificate(chain.get(i)));
            }
            Path trustStore = directory.resolve("trust.p12");
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, hierarchy.passphrase().toCharArray());
            }
            scratch.destroy();
            Path issuingPem = Files.writeString(directory.resolve("issuing.pem"), Pem.certificate(chain.getFirst()));
            return new TestTls(keyStore, trustStore, hierarchy.passphrase(), hierarchy.rootCertificate(), issuingPem);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test TLS certificate", e);
        }
    }

    /** Spring Boot's server.ssl settings for HTTPS with optional client certificates ("want"). */
    public Map<String, String> serverProperties() {
        return Map.of("server.ssl.enabled", "true",
                "server.ssl.key-store", keyStore.toString(),
                "server.ssl.key-store-type", "PKCS12",
                "server.ssl.key-store-password", password,
                "server.ssl.key-alias", "key",
                "server.ssl.trust-store", trustStore.toString(),
                "server.ssl.trust-store-type", "PKCS12",
                "server.ssl.trust-store-password", password,
                "server.ssl.client-auth", "want");
    }
}
