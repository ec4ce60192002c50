package com.ramparts.appliance;

import com.ramparts.runtime.opensearch.OpenSearchNode;
import com.ramparts.runtime.opensearch.OpenSearchSettings;
import com.ramparts.runtime.process.HealthProbe;
import com.ramparts.runtime.process.ProcessSpec;

import java.net.URI;

import java.time.Duration;
import java.util.Map;

/** The single-node OpenSearch, from the distribution the build placed next to the launcher. */
final class OpenSearchPart implements Part {

    private final ApplianceConfig config;
    private final Layout layout;
    private OpenSearchNode node;

    OpenSearchPart(ApplianceConfig config, Layout layout) {
        this.config = config;
        this.layout = layout;
    }

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public String title() {
        return "OpenSearch";
    }

    @Override
    public Map<String, Integer> ports() {
        return Map.of("opensearch.port", config.openSearchPort(), "opensearch.transport.port", config.openSearchTransportPort());
    }

    @Override
    public ProcessSpec prepare() {
        node = OpenSearchNode.prepare(settings());
        ProcessSpec spec = node.processSpec();
        // the launcher keeps every part's console output in one place
        return new ProcessSpec(spec.name(), spec.command(), spec.workingDirectory(), spec.env(), layout.logFile(name()));
    }

    @Override
    public boolean healthy() {
        return OpenSearchNode.isHealthy(HealthProbe.get(clusterHealth()));
    }

    @Override
    public void awaitHealthy(ProcessHandle process, Duration timeout) {
        HealthProbe.await(title(), clusterHealth(), OpenSearchNode::isHealthy, process, layout.logFile(name()), timeout);
    }

    private URI clusterHealth() {
        return OpenSearchNode.clusterHealth(URI.create(endpoint()));
    }

    @Override
    public String endpoint() {
        return "http://" + config.connectAddress() + ":" + config.openSearchPort();
    }

    private OpenSearchSettings settings() {
        return new OpenSearchSettings(layout.openSearchZip(), layout.data().resolve("opensearch"),
                layout.data().resolve("opensearch").resolve("node"), config.bindAddress(),
                config.openSearchPort(), config.openSearchTransportPort(), config.openSearchHeap(), "ramparts");
    }
}
