package com.ramparts.agent.cli;

import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.ConfigLoader;
import com.ramparts.agent.config.EnrolmentConfig;
import com.ramparts.agent.config.InvalidConfigException;
import com.ramparts.agent.enroll.CaTrust;
import com.ramparts.agent.enroll.CredentialStore;
import com.ramparts.agent.enroll.Credentials;
import com.ramparts.agent.enroll.Enroller;
import com.ramparts.agent.enroll.EnrolmentException;
import com.ramparts.agent.enroll.EstClient;
import com.ramparts.agent.enroll.Pem;
import com.ramparts.agent.parse.Parsers;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code enroll --pki URL --token T --site S (--ca-fingerprint F | --ca-file FILE)}: makes the key on
 * this host, gets its certificate from pki over EST, stores both (see {@link CredentialStore}).
 * Site, agent id and directory may come from the agent's configuration ({@code --config}).
 *
 * <p>Exit status: 0 enrolled, 1 invalid configuration, 2 usage error, 4 enrolment refused or failed
 * (nothing stored), 5 already enrolled (without {@code --force}).
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = "Get this agent's client certificate from pki (EST) with a one-time token.")
public final class EnrollCommand implements Callable<Integer> {

    static final int ENROLMENT_FAILED = 4;
    static final int ALREADY_ENROLLED = 5;
    private static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Path DEFAULT_DIR = Path.of("/var/lib/ramparts-agent/tls");

    @Spec
    private CommandSpec spec;

    @Option(names = "--pki", required = true, paramLabel = "URL", description = "pki's base URL, e.g. https://pki.city.local:8443")
    private URI pki;

    @ArgGroup(multiplicity = "1")
    private Token token;

    static final class Token {
        @Option(names = "--token", paramLabel = "TOKEN", description = "the one-time enrolment token")
        String value;

        @Option(names = "--token-file", paramLabel = "FILE", description = "a file whose first line is the token (keeps it out of ps)")
        Path file;
    }

    @ArgGroup(multiplicity = "1")
    private Trust trust;

    static final class Trust {
        @Option(names = "--ca-fingerprint", paramLabel = "SHA256",
                description = "SHA-256 fingerprint of pki's root (or issuing) CA certificate, as openssl x509 -fingerprint -sha256 prints it")
        String fingerprint;

        @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM file with pki's root CA certificate")
        Path file;
    }

    @Option(names = "--site", paramLabel = "ID", description = "this site's id (default: agent.site_id of --config)")
    private String site;

    @Option(names = "--agent", paramLabel = "ID", description = "this agent's id (default: agent.id of --config, else the site id)")
    private String agent;

    @Option(names = "--config", paramLabel = "FILE", description = "the agent's configuration, for site, agent id and enrolment.dir")
    private Path config;

    @Option(names = "--dir", paramLabel = "DIR", description = "where to store the credentials (default: enrolment.dir of --config, else " + "/var/lib/ramparts-agent/tls)")
    private Path dir;

    @Option(names = "--force", description = "enrol again even if credentials are already stored (they are replaced)")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            fillFromConfig();
        } catch (InvalidConfigException e) {
            err.println(config + ": " + e.errors().size() + " problem(s)");
            e.errors().forEach(error -> err.println("  " + config.getFileName() + ":" + error));
            err.flush();
            return AgentCli.INVALID_CONFIG;
        } catch (IOException e) {
            err.println("cannot read " + config + ": " + e);
            err.flush();
            return AgentCli.INVALID_CONFIG;
        }
        try {
            if (site == null || !SITE_ID.matcher(site).matches()) {
                throw new IllegalArgumentException(site == null ? "give --site (or --config with agent.site_id)"
                        : "--site '" + site + "' is not a site id: 1-63 characters of a-z 0-9 - (pki's agent-tls rule)");
            }
            CredentialStore store = new CredentialStore(dir == null ? DEFAULT_DIR : dir);
            if (store.exists() && !force) {
                err.println("already enrolled: " + store.keyAndChainFile() + " exists. The running agent renews it"
                        + " by itself; to enrol anew (e.g. after a revocation) add --force");
                err.flush();
                return ALREADY_ENROLLED;
            }
            Enroller enroller = new Enroller(new EstClient(pki), store);
            Credentials credentials = enroller.enrol(site, agent == null ? site : agent, readToken(), caTrust());
            out.println("enrolled site " + site + ": certificate " + credentials.certificate().getSubjectX500Principal()
                    + ", serial " + credentials.certificate().getSerialNumber().toString(16) + ", valid until "
                    + credentials.notAfter() + " (renewed from " + credentials.renewAt() + ")");
            out.println("stored in " + store.dir() + " (" + CredentialStore.KEY_AND_CHAIN + ", " + CredentialStore.TRUSTED
                    + "); configure enrolment: {pki: " + pki + ", dir: " + store.dir() + "}");
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        } catch (EnrolmentException e) {
            err.println("enrolment failed, nothing stored: " + e.getMessage());
            err.flush();
            return ENROLMENT_FAILED;
        } catch (IOException e) {
            err.println("enrolment failed: " + e);
            err.flush();
            return ENROLMENT_FAILED;
        }
    }

    private void fillFromConfig() throws IOException, InvalidConfigException {
        if (config == null) {
            return;
        }
        AgentConfig loaded = new ConfigLoader(Parsers.all()::containsKey).load(config);
        site = site != null ? site : loaded.siteId();
        agent = agent != null ? agent : loaded.agentId();
        if (dir == null) {
            dir = loaded.enrolment().map(EnrolmentConfig::dir).orElse(loaded.dataDir().resolve("tls"));
        }
    }

    private String readToken() throws IOException {
        String text = token.value != null ? token.value
                : Files.readAllLines(token.file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        text = text.strip();
        if (text.isEmpty() || text.length() > 1024) {
            throw new IllegalArgumentException("the token is empty or too long");
        }
        return text;
    }

    private CaTrust caTrust() throws IOException {
        if (trust.fingerprint != null) {
            return CaTrust.Fingerprint.parse(trust.fingerprint);
        }
        return new CaTrust.Anchors(Pem.readCertificates(Files.readString(trust.file, StandardCharsets.US_ASCII)));
    }
}
