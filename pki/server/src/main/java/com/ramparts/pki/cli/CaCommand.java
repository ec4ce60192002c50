package com.ramparts.pki.cli;

import com.ramparts.pki.x509.Pem;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** {@code pki ca}: the key ceremonies. */
@Command(name = "ca", mixinStandardHelpOptions = true,
        description = "CA key ceremonies: an offline root, and issuing CAs signed by it through a CSR round trip.",
        subcommands = {InitRootCommand.class, InitIssuingCommand.class, SignIssuingCommand.class, InstallIssuingCommand.class})
final class CaCommand {

    /** Writes a new file, refusing to overwrite one (a ceremony never silently replaces an artefact). */
    static void writeNew(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new com.ramparts.pki.error.PkiException(com.ramparts.pki.error.PkiError.KEYSTORE_EXISTS, "output", file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static List<X509CertificateHolder> readCertificates(Path file) {
        try {
            List<X509CertificateHolder> certificates = Pem.decodeCertificates(Files.readString(file, StandardCharsets.US_ASCII));
            if (certificates.isEmpty()) {
                throw new IOException("no certificate in it");
            }
            return certificates;
        } catch (IOException e) {
            throw new com.ramparts.pki.error.PkiException(com.ramparts.pki.error.PkiError.KEYSTORE_UNREADABLE, "certificate", e,
                    file, e.getMessage());
        }
    }

    static void describe(PrintWriter out, String what, X509CertificateHolder certificate) {
        out.println(what + ": " + certificate.getSubject());
        out.println("  issuer:      " + certificate.getIssuer());
        out.println("  serial:      " + certificate.getSerialNumber().toString(16));
        out.println("  valid:       " + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant());
        out.println("  SHA-256:     " + fingerprint(certificate));
    }

    static String fingerprint(X509CertificateHolder certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
