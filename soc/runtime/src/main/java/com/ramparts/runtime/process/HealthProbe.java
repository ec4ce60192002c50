package com.ramparts.runtime.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a server over HTTP whether it is healthy. */
public final class HealthProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Za-z_]+)\"");

    private HealthProbe() {
    }

    /** The HTTP response of a health endpoint, or a description of why there was none. */
    public record Answer(int statusCode, String body, String failure) {
        public boolean answered() {
            return failure == null;
        }

        /** The top-level {@code "status"} value of a JSON health document, if any. */
        public String status() {
            if (body == null) {
                return "";
            }
            Matcher m = STATUS.matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    public static Answer get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            return new Answer(-1, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted");
        }
    }

    /**
     * Polls until the answer satisfies {@code healthy}, the process dies, or time runs out.
     *
     * @throws IllegalStateException naming the server, what it last answered and its log's end
     */
    public static void await(String name, URI uri, Predicate<Answer> healthy, ProcessHandle process,
                             java.nio.file.Path logFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; the end of " + logFile + ":\n"
                        + Processes.tail(logFile, 30));
            }
            last = get(uri);
            if (healthy.test(last)) {
                return;
            }
            try {
                Thread.sleep(250); // polling a server's start-up: there is nothing to wait on instead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        String said = last == null ? "nothing" : last.answered() ? "HTTP " + last.statusCode() + " " + last.body() : last.failure();
        throw new IllegalStateException(name + " did not become healthy within " + timeout.toSeconds() + " s at " + uri
                + " (last answer: " + said + "); the end of " + logFile + ":\n" + Processes.tail(logFile, 30));
    }
}
