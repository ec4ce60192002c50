package com.ramparts.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.runtime.host.Ports;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthProbeTest {

    private static final String GREEN = "{\"cluster_name\":\"ramparts\",\"status\" : \"green\",\"number_of_nodes\":1}";

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves /health on a free loopback port; {@code answers} gives status code and body per request number. */
    private URI serve(Answers answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/health", exchange -> respond(exchange, answers.answer(requests.incrementAndGet())));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
    }

    private interface Answers {
        Reply answer(int request);
    }

    private record Reply(int code, String body) {
    }

    private static void respond(HttpExchange exchange, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.code(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static URI closedPort() {
        return URI.create("http://127.0.0.1:" + Ports.freePort() + "/health");
    }

    private Path logWith(String content) throws IOException {
        Path log = dir.resolve("server.log");
        Files.writeString(log, content);
        return log;
    }

    private static boolean green(HealthProbe.Answer a) {
        return a.statusCode() == 200 && a.status().equals("green");
    }

    @Test
    void getReturnsStatusCodeBodyAndTheParsedStatus() throws IOException {
        URI uri = serve(n -> new Reply(200, GREEN));

        HealthProbe.Answer answer = HealthProbe.get(uri);

        assertThat(answer.answered()).isTrue();
        assertThat(answer.failure()).isNull();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(GREEN);
        assertThat(answer.status()).isEqualTo("green");
    }

    @Test
    void anErrorStatusIsStillAnAnswer() throws IOException {
        URI uri = serve(n -> new Reply(503, "{\"status\":\"red\"}"));

        HealthProbe.Answer answer = HealthProbe.get(uri);

        assertThat(answer.answered()).isTrue();
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.status()).isEqualTo("red");
    }

    @Test
    void aBodyWithoutAStatusHasAnEmptyStatus() throws IOException {
        URI uri = serve(n -> new Reply(200, "OK"));

        assertThat(HealthProbe.get(uri).status()).isEmpty();
    }

    @Test
    void aClosedPortGivesNoAnswerButAFailureText() {
        HealthProbe.Answer answer = HealthProbe.get(closedPort());

        assertThat(answer.answered()).isFalse();
        assertThat(answer.statusCode()).isEqualTo(-1);
        assertThat(answer.body()).isNull();
        assertThat(answer.status()).isEmpty();
        assertThat(answer.failure()).contains("ConnectException");
    }

    @Test
    void awaitReturnsOnceTheServerIsHealthy() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        URI uri = serve(n -> {
            asked.set(n);
            return n < 3 ? new Reply(503, "{\"status\":\"red\"}") : new Reply(200, GREEN);
        });

        HealthProbe.await("Test server", uri, HealthProbeTest::green, ProcessHandle.current(), dir.resolve("log"),
                Duration.ofSeconds(10));

        assertThat(asked).hasValue(3);
    }

    @Test
    void awaitFailsAtOnceNamingTheServerAndShowingItsLogWhenTheProcessIsDead() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        assertThat(dead.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path log = logWith("starting\nFATAL: cannot bind port\n");

        long before = System.nanoTime();
        assertThatThrownBy(() -> HealthProbe.await("Test server", closedPort(), HealthProbeTest::green,
                dead.toHandle(), log, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Test server")
                .hasMessageContaining("exited")
                .hasMessageContaining(log.toString())
                .hasMessageContaining("FATAL: cannot bind port");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void awaitFailsAfterTheTimeoutWithTheLastAnswerAndTheLogsEnd() throws IOException {
        URI uri = serve(n -> new Reply(503, "{\"status\":\"red\",\"n\":" + n + "}"));
        Path log = logWith("still recovering shards\n");

        long before = System.nanoTime();
        assertThatThrownBy(() -> HealthProbe.await("Test server", uri, HealthProbeTest::green, ProcessHandle.current(),
                log, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Test server did not become healthy within 1 s at " + uri)
                .hasMessageContaining("HTTP 503 {\"status\":\"red\"")
                .hasMessageContaining("still recovering shards");
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(8));
    }

    @Test
    void awaitOnAClosedPortFailsWithTheConnectionFailure() {
        assertThatThrownBy(() -> HealthProbe.await("Test server", closedPort(), HealthProbeTest::green, null,
                dir.resolve("missing.log"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Test server did not become healthy")
                .hasMessageContaining("ConnectException");
    }
}
