package com.ramparts.pki.cli;

import com.ramparts.pki.ca.CaCertificates;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.x509.KeyAlgorithm;
import com.ramparts.pki.x509.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code pki ca init-root}: the offline root's key and self-signed certificate. */
@Command(name = "init-root", mixinStandardHelpOptions = true,
        description = "Create the offline root CA: a new key in an encrypted PKCS#12 keystore and its self-signed certificate.")
final class InitRootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--subject", required = true, paramLabel = "DN",
            description = "Subject in encoding order, e.g. \"C=VN,O=Ho Chi Minh City,CN=HCMC Root CA\".")
    String subject;

    @Option(names = "--key-type", defaultValue = "EC_P384", description = "EC_P256, EC_P384, RSA_2048, RSA_3072, RSA_4096 (default ${DEFAULT-VALUE}).")
    KeyAlgorithm keyType;

    @Option(names = "--validity", defaultValue = "20y", converter = Validity.Converter.class,
            description = "How long the root is valid: 20y, 7300d ... (default ${DEFAULT-VALUE}).")
    Validity validity;

    @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "New PKCS#12 file for the root key.")
    Path keystore;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--certificate-out", required = true, paramLabel = "FILE", description = "New PEM file for the root certificate.")
    Path certificateOut;

    @Override
    public Integer call() {
        var name = CaCertificates.subject(subject);
        Instant now = Instant.now();
        try (Passphrase secret = passphrase.read().requireStrongForNewKeystore()) {
            Pkcs12CaSigner root = Pkcs12CaSigner.generate("root", keystore, secret, keyType, false,
                    key -> CaCertificates.selfSignedRoot(key, name, now, validity.after(now)));
            CaCommand.writeNew(certificateOut, Pem.certificate(root.certificate()));
            CaCommand.describe(spec.commandLine().getOut(), "root CA", root.certificate());
            spec.commandLine().getOut().println("  key:         " + keyType.describe() + " in " + keystore);
            spec.commandLine().getOut().println("  certificate: " + certificateOut);
        }
        return 0;
    }
}
