package com.ramparts.pki.testing;

import com.ramparts.pki.x509.Pem;
import com.ramparts.runtime.host.Ports;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The service on a fixed free port (so the URLs it writes into certificates are the ones it
 * serves), on the embedded database, with the CLI-made test hierarchy as its issuing CA.
 * Test classes extending this share one running service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class RunningPki {

    protected static final TestHierarchy HIERARCHY = TestHierarchy.shared();
    protected static final int PORT = Ports.freePort();
    protected static final Path DATA = temporaryDirectory();
    protected static final PkiClient CLIENT = new PkiClient(PORT, DATA.resolve("secrets/admin-credentials"));

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("ramparts.pki.public-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("ramparts.pki.data-dir", DATA::toString);
        registry.add("ramparts.pki.admin-credentials-file", () -> DATA.resolve("secrets/admin-credentials").toString());
        HIERARCHY.serviceProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** Writes PEM files for openssl: the leaf, the issuing CA, and the root. */
    protected record Files3(Path leaf, Path issuing, Path root, Path chain) {
    }

    protected static Files3 writeForOpenSsl(String name, String chainPem) {
        try {
            List<X509CertificateHolder> chain = Pem.decodeCertificates(chainPem);
            Path directory = Files.createDirectories(DATA.resolve("openssl"));
            Path leaf = Files.writeString(directory.resolve(name + ".pem"), Pem.certificate(chain.get(0)));
            Path issuing = Files.writeString(directory.resolve(name + "-issuing.pem"), Pem.certificate(chain.get(1)));
            Path cas = Files.writeString(directory.resolve(name + "-cas.pem"), Pem.certificates(chain.subList(1, chain.size())));
            return new Files3(leaf, issuing, HIERARCHY.rootCertificate(), cas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pki-service-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
