package com.ramparts.pki.cli;

import com.ramparts.pki.audit.AuditVerifier;
import com.ramparts.pki.x509.Pem;
import org.bouncycastle.cert.X509CertificateHolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code pki audit}: checks on the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The hash-chained audit log.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    /**
     * {@code pki audit verify}: connects to the service's database with plain JDBC (no Spring, so it also
     * runs on a copy of the database on another machine) and checks every entry, link and checkpoint.
     * Exit 0 intact, 1 tampered or unreadable, 2 usage.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Detects any edited, deleted or reordered audit entry and names it.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--jdbc-url", required = true, description = "the service's database, e.g. jdbc:postgresql://db:5432/pki "
                + "or jdbc:h2:file:/var/lib/ramparts/pki/db/pki (stop the service first: an embedded H2 file has one user)")
        String jdbcUrl;

        @Option(names = "--user", defaultValue = "ramparts", description = "database user (default ${DEFAULT-VALUE})")
        String user;

        @Option(names = "--password-file", description = "a file whose first line is the database password")
        Path passwordFile;

        @Option(names = "--password-env", description = "an environment variable holding the database password")
        String passwordEnv;

        @Option(names = "--ca-certificate", description = "PEM: checkpoints must be signed by this CA certificate or one it issued")
        Path caCertificate;

        @Override
        public Integer call() throws IOException, SQLException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Properties connection = new Properties();
            connection.setProperty("user", user);
            String password = password();
            if (password != null) {
                connection.setProperty("password", password);
            }
            X509CertificateHolder trusted = null;
            if (caCertificate != null) {
                List<X509CertificateHolder> certificates = Pem.decodeCertificates(Files.readString(caCertificate, StandardCharsets.US_ASCII));
                if (certificates.isEmpty()) {
                    err.println("error: no certificate in " + caCertificate);
                    return 2;
                }
                trusted = certificates.getFirst();
            }
            AuditVerifier.Report report;
            try (Connection db = DriverManager.getConnection(jdbcUrl, connection)) {
                report = AuditVerifier.verify(db, trusted);
            } catch (SQLException e) {
                err.println("error: cannot read the audit log at " + jdbcUrl + ": " + e.getMessage());
                return 1;
            }
            if (report.intact()) {
                out.println("audit log intact: " + report.entries() + " entries, " + report.checkpoints() + " signed checkpoint(s)");
                return 0;
            }
            err.println("audit log TAMPERED: " + report.problems().size() + " problem(s) in " + report.entries() + " entries");
            report.problems().forEach(problem -> err.println("  " + problem.message()));
            return 1;
        }

        private String password() throws IOException {
            if (passwordFile != null) {
                List<String> lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                return lines.isEmpty() ? "" : lines.getFirst();
            }
            return passwordEnv == null ? null : System.getenv(passwordEnv);
        }
    }
}
