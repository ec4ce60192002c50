package com.ramparts.pki.cli;

import com.ramparts.pki.ca.CaCertificates;
import com.ramparts.pki.ca.Passphrase;
import com.ramparts.pki.ca.Pkcs12CaSigner;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pki ca install-issuing}: puts the root-signed certificate into the issuing CA's keystore. */
@Command(name = "install-issuing", mixinStandardHelpOptions = true,
        description = "Install the chain from sign-issuing into the issuing CA's keystore, after checking it belongs to the key and leads to the root you trust.")
final class InstallIssuingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--keystore", required = true, paramLabel = "FILE", description = "The issuing CA's PKCS#12 file (from init-issuing).")
    Path keystore;

    @Mixin
    PassphraseOptions passphrase;

    @Option(names = "--certificate", required = true, paramLabel = "FILE", description = "The chain sign-issuing wrote (PEM).")
    Path certificate;

    @Option(names = "--root", required = true, paramLabel = "FILE", description = "The root certificate you trust (PEM, from init-root).")
    Path root;

    @Override
    public Integer call() {
        List<X509CertificateHolder> chain = CaCommand.readCertificates(certificate);
        X509CertificateHolder trustedRoot = CaCommand.readCertificates(root).getFirst();
        if (!chain.getLast().equals(trustedRoot) || chain.size() < 2 || !CaCertificates.isCaCertificate(chain.getFirst())
                || !signaturesChain(chain)) {
            throw new PkiException(PkiError.CA_CERTIFICATE_MISMATCH, "certificate", certificate);
        }
        try (Passphrase secret = passphrase.read()) {
            Pkcs12CaSigner installed = Pkcs12CaSigner.load("issuing", keystore, secret).install(chain, keystore, secret);
            CaCommand.describe(spec.commandLine().getOut(), "installed issuing CA", installed.certificate());
            spec.commandLine().getOut().println("  keystore:    " + keystore);
        }
        return 0;
    }

    /** Each certificate is signed by the next; the last one by itself. */
    private static boolean signaturesChain(List<X509CertificateHolder> chain) {
        try {
            for (int i = 0; i < chain.size(); i++) {
                X509CertificateHolder issuer = chain.get(Math.min(i + 1, chain.size() - 1));
                if (!chain.get(i).isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer))) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
