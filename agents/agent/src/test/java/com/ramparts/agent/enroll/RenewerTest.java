package com.ramparts.agent.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ramparts.runtime.host.Ports;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renewer's schedule; renewal against the real pki is the launcher's AgentTlsIT. */
class RenewerTest {

    private static final TestCas.Ca ROOT = TestCas.root("CN=Test Root,O=City");

    @TempDir
    Path dir;

    private CredentialStore storeWith(Duration lifetime) throws Exception {
        KeyPair keys = KeyPairs.generate();
        CredentialStore store = new CredentialStore(dir.resolve("tls"));
        store.write(new Credentials(keys.getPrivate(), List.of(TestCas.leaf("CN=ward-03,O=Ramparts", keys.getPublic(), ROOT,
                lifetime)), List.of(ROOT.certificate())));
        return store;
    }

    @Test
    void aFreshCertificateWaitsForTwoThirdsOfItsLifetime() throws Exception {
        CredentialStore store = storeWith(Duration.ofDays(30));
        Credentials current = store.read().orElseThrow();
        AtomicInteger renewals = new AtomicInteger();
        Renewer renewer = new Renewer(new Enroller(new EstClient(URI.create("https://127.0.0.1:1")), store), store,
                renewed -> renewals.incrementAndGet(), Clock.systemUTC());
        Thread thread = Thread.ofPlatform().start(renewer);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> renewer.nextAttempt() != null);
            assertThat(renewer.nextAttempt()).isEqualTo(current.renewAt());
            assertThat(renewals).hasValue(0);
        } finally {
            renewer.stop();
            thread.join(5_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void aRenewalThatCannotReachPkiIsRetriedBeforeTheCertificateEnds() throws Exception {
        CredentialStore store = storeWith(Duration.ofSeconds(90)); // issued a minute ago (TestCas): renewal due now
        Credentials current = store.read().orElseThrow();
        int closedPort = Ports.freePort();
        Renewer renewer = new Renewer(new Enroller(new EstClient(URI.create("https://127.0.0.1:" + closedPort)), store), store,
                renewed -> { }, Clock.systemUTC());
        Thread thread = Thread.ofPlatform().start(renewer);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> renewer.nextAttempt() != null
                    && renewer.nextAttempt().isAfter(current.renewAt()));
            Instant retry = renewer.nextAttempt();
            assertThat(retry).isBefore(current.notAfter()); // a tenth of what is left, at least 10 s
            assertThat(store.read().orElseThrow().certificate()).isEqualTo(current.certificate()); // nothing replaced
        } finally {
            renewer.stop();
            thread.join(5_000);
        }
    }
}
