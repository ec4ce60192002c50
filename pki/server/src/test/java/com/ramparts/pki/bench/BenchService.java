package com.ramparts.pki.bench;

import com.ramparts.pki.PkiApplication;
import com.ramparts.pki.testing.TestHierarchy;
import com.ramparts.runtime.host.Ports;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The pki service started in-process for a harness: the CLI-made test hierarchy, on H2 files or PostgreSQL. */
final class BenchService implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final int port;
    final Path data;

    /**
     * @param jdbcUrl null for the embedded H2 under the data directory, else e.g. jdbc:postgresql://127.0.0.1:5432/test?currentSchema=x
     */
    BenchService(String jdbcUrl, Map<String, String> extra) throws IOException {
        this.port = Ports.freePort();
        // -Dbench.data=<dir> reuses the data directory (and embedded database) of an earlier run
        this.data = System.getProperty("bench.data") != null ? Path.of(System.getProperty("bench.data"))
                : Files.createTempDirectory("pki-bench-");
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("ramparts.pki.public-url", "http://127.0.0.1:" + port);
        properties.put("ramparts.pki.data-dir", data.toString());
        properties.put("ramparts.pki.admin-credentials-file", data.resolve("secrets/admin-credentials").toString());
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.com.ramparts", "WARN");
        properties.put("server.tomcat.threads.max", "64");
        if (jdbcUrl != null) {
            properties.put("spring.datasource.url", jdbcUrl);
            properties.put("spring.datasource.username", System.getProperty("pg.user", "postgres"));
            properties.put("spring.datasource.password", System.getProperty("pg.password", ""));
        }
        TestHierarchy.shared().serviceProperties().forEach(properties::put);
        properties.putAll(extra);
        // as command-line arguments: they win over application.yml (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        this.context = new SpringApplicationBuilder(PkiApplication.class).run(args);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    static void print(String format, Object... arguments) {
        System.out.printf(format + "%n", arguments);
    }
}
