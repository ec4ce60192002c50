package com.ramparts.pki.cli;

import com.ramparts.pki.ca.CaCertificates;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pki ca sign-issuing}: the root signs an issuing CA's CSR (on the offline machine). */
@Command(name = "sign-issuing", mixinStandardHelpOptions = true,
        description = "Sign an issuing CA's CSR with the root key: writes the issuing CA certificate followed by the root (PEM).")
final class SignIssuingCommand implements Callable<Integer> {

    private static final int MAX_CSR_BYTES = 64 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--root-keystore", required = true, paramLabel = "FILE", description = "The root's PKCS#12 file.")
    Path rootKeystore;

    @Option(names = "--root-passphrase-file", paramLabel = "FILE", description = "File whose first line is the root keystore passphrase.")
    Path rootPassphraseFile;

    @Option(names = "--root-passphrase-env", paramLabel = "VARIABLE", description = "Environment variable holding the root keystore passphrase.")
    String rootPassphraseEnv;

    @Option(names = "--csr", required = true, paramLabel = "FILE", description = "The issuing CA's CSR (PEM or DER).")
    Path csr;

    @Option(names = "--validity", defaultValue = "10y", converter = Validity.Converter.class,
            description = "How long the issuing CA is valid (never past the root): 10y, 3650d ... (default ${DEFAULT-VALUE}).")
    Validity validity;

    @Option(names = "--crl-url", paramLabel = "URL", description = "Where the root's CRL is published (CRL distribution point), if anywhere.")
    URI crlUrl;

    @Option(names = "--ca-issuers-url", paramLabel = "URL", description = "Where the root certificate is published (AIA caIssuers), if anywhere.")
    URI caIssuersUrl;

    @Option(names = "--certificate-out", required = true, paramLabel = "FILE", description = "New PEM file: issuing CA certificate, then the root.")
    Path certificateOut;

    @Override
    public Integer call() throws IOException {
        if (Files.size(csr) > MAX_CSR_BYTES) {
            throw new PkiException(PkiError.CSR_TOO_LARGE, "csr", String.valueOf(Files.size(csr)), String.valueOf(MAX_CSR_BYTES));
        }
        ParsedCsr request = CertificationRequests.parse(Files.readAllBytes(csr), MAX_CSR_BYTES);
        try (Passphrase secret = Passphrase.from(rootPassphraseFile, rootPassphraseEnv, "--root-passphrase-file or --root-passphrase-env")) {
            Pkcs12CaSigner root = Pkcs12CaSigner.load("root", rootKeystore, secret);
            if (!CaCertificates.isCaCertificate(root.certificate())) {
                throw new PkiException(PkiError.KEYSTORE_NOT_INSTALLED, "root-keystore", rootKeystore);
            }
            Instant now = Instant.now();
            List<X509CertificateHolder> chain = CaCertificates.issuingCa(root, request, now, validity.after(now), crlUrl, caIssuersUrl);
            CaCommand.writeNew(certificateOut, Pem.certificates(chain));
            CaCommand.describe(spec.commandLine().getOut(), "issuing CA", chain.getFirst());
            spec.commandLine().getOut().println("  key:         " + request.keyAlgorithm().describe());
            spec.commandLine().getOut().println("  chain:       " + certificateOut);
        }
        return 0;
    }
}
