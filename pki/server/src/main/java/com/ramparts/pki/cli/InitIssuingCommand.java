package com.ramparts.pki.cli;

import com.ramparts.pki.ca.CaCertificates;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code pki ca init-issuing}: an issuing CA's key and the CSR the root will sign. */
@Command(name = "init-issuing", mixinStandardHelpOptions = true,
        description = {"Create an online issuing CA key (encrypted PKCS#12) and its CSR for the root.",
                "Take the CSR to the root machine (pki ca sign-issuing), bring the certificate back (pki ca install-issuing)."})
final class InitIssuingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--subject", required = true, paramLabel = "DN",
            description = "Subject in encoding order, e.g. \"C=VN,O=Ho Chi Minh City,CN=HCMC Issuing CA 1\".")
    String subject;

    @Option(names = "--key-type", defaultValue = "EC_P256", description = "EC_P256, EC_P384, RSA_2048, RSA_3072, RSA_4096 (default ${DEFAULT-VALUE}).")
    KeyAlgorithm keyType;

    @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "New PKCS#12 file for the issuing CA key.")
    Path keystore;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--csr-out", required = true, paramLabel = "FILE", description = "New PEM file for the CSR.")
    Path csrOut;

    @Override
    public Integer call() {
        var name = CaCertificates.subject(subject);
        try (Passphrase secret = passphrase.read().requireStrongForNewKeystore()) {
            String[] csr = new String[1];
            Pkcs12CaSigner.generate("issuing", keystore, secret, keyType, false, key -> {
                try {
                    csr[0] = Pem.encode("CERTIFICATE REQUEST", key.certificationRequest(name).getEncoded());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return CaCertificates.placeholder(key, name, Instant.now());
            });
            CaCommand.writeNew(csrOut, csr[0]);
            spec.commandLine().getOut().println("issuing CA key: " + keyType.describe() + " in " + keystore);
            spec.commandLine().getOut().println("CSR for " + name + ": " + csrOut);
            spec.commandLine().getOut().println("next: pki ca sign-issuing on the root machine, then pki ca install-issuing here");
        }
        return 0;
    }
}
