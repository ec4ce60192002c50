package com.ramparts.appliance;

import com.ramparts.runtime.process.HealthProbe;
import com.ramparts.runtime.process.ProcessSpec;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** pki or soc: a Spring Boot jar, healthy when its actuator says UP. */
final class SpringServicePart implements Part {

    private final String name;
    private final String title;
    private final java.nio.file.Path jar;
    private final int port;
    private final String heap;
    private final List<String> arguments;
    private final ApplianceConfig config;
    private final Layout layout;

    private SpringServicePart(String name, String title, java.nio.file.Path jar, int port, String heap,
                              List<String> arguments, ApplianceConfig config, Layout layout) {
        this.name = name;
        this.title = title;
        this.jar = jar;
        this.port = port;
        this.heap = heap;
        this.arguments = List.copyOf(arguments);
        this.config = config;
        this.layout = layout;
    }

    static SpringServicePart pki(ApplianceConfig config, Layout layout) {
        return new SpringServicePart("pki", "pki (certificate authority)", layout.pkiJar(), config.pkiPort(), config.pkiHeap(),
                List.of("--ramparts.pki.data-dir=" + layout.data().resolve("pki"),
                        "--ramparts.pki.admin-credentials-file=" + layout.adminCredentials()),
                config, layout);
    }

    static SpringServicePart soc(ApplianceConfig config, Layout layout) {
        String host = config.connectAddress();
        return new SpringServicePart("soc", "soc (SOC core and dashboard)", layout.socJar(), config.socPort(), config.socHeap(),
                List.of("--ramparts.soc.data-dir=" + layout.data().resolve("soc"),
                        "--ramparts.soc.admin-credentials-file=" + layout.adminCredentials(),
                        "--ramparts.soc.kafka.bootstrap-servers=" + host + ":" + config.kafkaPort(),
                        "--ramparts.soc.open-search.url=http://" + host + ":" + config.openSearchPort(),
                        // the detection library of the checkout (soc runs in the data directory)
                        "--ramparts.soc.correlation.rules-path=" + layout.home().resolve("rules")),
                config, layout);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of(name + ".port", port);
    }

    @Override
    public ProcessSpec prepare() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build first: ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(
                java(), "-Xms" + heap, "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString(),
                "--server.address=" + config.bindAddress(),
                "--server.port=" + port));
        command.addAll(arguments);
        return new ProcessSpec(name, command, layout.data(), Map.of(), layout.logFile(name));
    }

    @Override
    public boolean healthy() {
        return isUp(HealthProbe.get(healthUri()));
    }

    @Override
    public void awaitHealthy(ProcessHandle process, Duration timeout) {
        HealthProbe.await(title, healthUri(), SpringServicePart::isUp, process, layout.logFile(name), timeout);
    }

    @Override
    public String endpoint() {
        return "http://" + config.connectAddress() + ":" + port;
    }

    private URI healthUri() {
        return URI.create(endpoint() + "/actuator/health");
    }

    private static boolean isUp(HealthProbe.Answer answer) {
        return answer.statusCode() == 200 && answer.status().equals("UP");
    }

    static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
