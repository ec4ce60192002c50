package com.ramparts.runtime.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenSearchSettingsTest {

    private static final Path ZIP = Path.of("/repo/opensearch-3.6.0.zip");
    private static final Path PARENT = Path.of("/var/lib/ramparts/dist");
    private static final Path INSTANCE = Path.of("/var/lib/ramparts/opensearch");

    private static OpenSearchSettings settings(int httpPort, int transportPort, String heap, String clusterName) {
        return new OpenSearchSettings(ZIP, PARENT, INSTANCE, "127.0.0.1", httpPort, transportPort, heap, clusterName);
    }

    @Test
    void validSettingsAreKeptAsGiven() {
        OpenSearchSettings s = settings(9200, 9300, "512m", "ramparts");

        assertThat(s.httpPort()).isEqualTo(9200);
        assertThat(s.transportPort()).isEqualTo(9300);
        assertThat(s.heap()).isEqualTo("512m");
        assertThat(s.clusterName()).isEqualTo("ramparts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "512m", "512M", "1g", "16G", "1024m"})
    void heapsLikeTheJvmsSizesAreAccepted(String heap) {
        assertThat(settings(9200, 9300, heap, "ramparts").heap()).isEqualTo(heap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ramparts", "ramparts-soc_1", "0"})
    void lowerCaseClusterNamesAreAccepted(String name) {
        assertThat(settings(9200, 9300, "1g", name).clusterName()).isEqualTo(name);
    }

    @Test
    void theWholePortRangeIsAccepted() {
        assertThat(settings(1, 65_535, "1g", "ramparts").transportPort()).isEqualTo(65_535);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void anHttpPortOutOfRangeIsRejectedNamingTheSetting(int port) {
        assertThatThrownBy(() -> settings(port, 9300, "1g", "ramparts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("httpPort")
                .hasMessageContaining(String.valueOf(port));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536})
    void aTransportPortOutOfRangeIsRejectedNamingTheSetting(int port) {
        assertThatThrownBy(() -> settings(9200, port, "1g", "ramparts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transportPort")
                .hasMessageContaining(String.valueOf(port));
    }

    @Test
    void equalHttpAndTransportPortsAreRejected() {
        assertThatThrownBy(() -> settings(9200, 9200, "1g", "ramparts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTP and transport ports must differ")
                .hasMessageContaining("9200");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"1", "1gb", "-1g", "0g", "01g", "1k", "1t", "1.5g", " 1g", "1g ", "g", "512mb"})
    void aHeapUnlikeTheJvmsSizesIsRejectedNamingTheSetting(String heap) {
        assertThatThrownBy(() -> settings(9200, 9300, heap, "ramparts"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heap")
                .hasMessageContaining("'" + heap + "'");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"Ramparts", "-ramparts", "_ramparts", "ram parts", "ramparts\n", "ram.parts", "ram/parts",
            "rämparts", "a1234567890123456789012345678901234567890123456789012345678901234"})
    void aBadClusterNameIsRejectedNamingTheSetting(String name) {
        assertThatThrownBy(() -> settings(9200, 9300, "1g", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cluster name");
    }

    @Test
    void aClusterNameOf64CharactersIsTheLongestAccepted() {
        assertThat(settings(9200, 9300, "1g", "a".repeat(64)).clusterName()).hasSize(64);
        assertThatThrownBy(() -> settings(9200, 9300, "1g", "a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathsAndHostAreRequired() {
        assertThatThrownBy(() -> new OpenSearchSettings(null, PARENT, INSTANCE, "127.0.0.1", 9200, 9300, "1g", "r"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("distributionZip");
        assertThatThrownBy(() -> new OpenSearchSettings(ZIP, null, INSTANCE, "127.0.0.1", 9200, 9300, "1g", "r"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("distributionParent");
        assertThatThrownBy(() -> new OpenSearchSettings(ZIP, PARENT, null, "127.0.0.1", 9200, 9300, "1g", "r"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("instanceDir");
        assertThatThrownBy(() -> new OpenSearchSettings(ZIP, PARENT, INSTANCE, null, 9200, 9300, "1g", "r"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("host");
    }
}
