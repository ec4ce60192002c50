package com.ramparts.detection.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.detection.Sigma;
import com.ramparts.detection.rule.LogSource;
import com.ramparts.detection.yaml.InvalidRuleException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped sigma-ecs.yml: log sources to datasets, Sigma fields to ECS. */
class TaxonomyMappingTest {

    private final TaxonomyMapping mapping = TaxonomyMapping.defaults();

    @Test
    void firewallCoversEveryFirewallWeIngest() {
        assertThat(mapping.resolve(LogSource.of("firewall", null, null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class, ingested -> assertThat(ingested.datasets())
                        .contains("iptables.log", "nftables.log", "pfsense.log", "fortinet.firewall", "cisco.asa")
                        .doesNotContain("suricata.eve", "clamav.clamd"));
    }

    @Test
    void everyDatasetTheAgentsParsersEmitIsSelectable() {
        // the names agents/agent's parsers write into event.dataset
        assertThat(mapping.resolve(LogSource.of("firewall", null, null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class, ingested -> assertThat(ingested.datasets())
                        .contains("iptables.log", "pfsense.log", "opnsense.log", "fortinet.firewall", "cisco.asa"));
        assertThat(mapping.resolve(LogSource.of("antivirus", null, null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class, ingested -> assertThat(ingested.datasets())
                        .contains("clamav.clamd", "clamav.clamscan", "windows.defender"));
        assertThat(mapping.resolve(LogSource.of("backup", null, null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class, ingested -> assertThat(ingested.datasets())
                        .contains("restic.backup", "restic.snapshots", "borg.create", "borg.log", "borg.archives", "veeam.job"));
    }

    @Test
    void partsOfALogSourceNarrowEachOther() {
        assertThat(mapping.resolve(LogSource.of("firewall", "fortigate", null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.datasets()).containsExactlyInAnyOrder(
                                "fortigate.event", "fortinet.firewall"));
        assertThat(mapping.resolve(LogSource.of(null, "ramparts", "pki-audit")))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.datasets()).containsExactly("ramparts.pki_audit"));
        assertThat(mapping.resolve(LogSource.of("antivirus", null, null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.datasets()).contains("clamav.clamd", "windows.defender"));
        assertThat(mapping.resolve(LogSource.of("backup", null, null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.datasets()).contains("restic.backup", "borg.create"));
    }

    @Test
    void aliasesNoParserEmitsAreGoneAndTheAgentsHeartbeatIsSelectable() {
        for (String category : new String[] {"firewall", "antivirus", "network_connection"}) {
            assertThat(mapping.resolve(LogSource.of(category, null, null)))
                    .isInstanceOfSatisfying(LogSourceResolution.Ingested.class, ingested -> assertThat(ingested.datasets())
                            .doesNotContain("clamav.log", "pfsense.filterlog", "fortigate.traffic"));
        }
        assertThat(mapping.resolve(LogSource.of(null, "ramparts_agent", "heartbeat")))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.datasets()).containsExactly("ramparts.agent"));
        assertThat(mapping.resolve(LogSource.of(null, "ramparts_agent", "input_health")))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.datasets()).containsExactly("ramparts.agent.input"));
        assertThat(mapping.resolve(LogSource.of("agent_health", null, null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.datasets()).contains("ramparts.agent", "ramparts.agent.input"));
    }

    @Test
    void suricataAnomaliesAreToldBySuricatasEventTypeNotByAnEcsEventTypeThatDoesNotExist() {
        var rules = Sigma.rules("""
                title: Any anomaly
                logsource: {category: anomaly, product: suricata}
                detection:
                  sel: {event.kind: event}
                  condition: sel
                """);
        // as the agent's EVE parser emits an anomaly record: ECS event.type info
        assertThat(rules.match(Sigma.event("suricata.eve", Instant.EPOCH, "event.kind", "event", "event.type", List.of("info"),
                "suricata.eve.event_type", "anomaly"))).hasSize(1);
        assertThat(rules.match(Sigma.event("suricata.eve", Instant.EPOCH, "event.kind", "event", "event.type", List.of("info"),
                "suricata.eve.event_type", "flow"))).isEmpty();
    }

    @Test
    void whatWeNeverIngestIsSaidPlainly() {
        assertThat(mapping.resolve(LogSource.of("process_creation", "windows", null)))
                .isEqualTo(new LogSourceResolution.NotIngested("logsource windows/process_creation is not ingested by"
                        + " Ramparts (no ingested source has category 'process_creation')"));
        assertThat(mapping.resolve(LogSource.of("firewall", "suricata", null)))
                .isInstanceOf(LogSourceResolution.NotIngested.class);
        assertThat(mapping.resolve(LogSource.of(null, "linux", "auditd")))
                .isInstanceOf(LogSourceResolution.NotIngested.class);
    }

    @Test
    void categoriesCanAddConditions() {
        assertThat(mapping.resolve(LogSource.of("dns", "suricata", null)))
                .isInstanceOfSatisfying(LogSourceResolution.Ingested.class,
                        ingested -> assertThat(ingested.where()).extracting(w -> w.field()).containsExactly(
                                "dns.question.name"));
        var rules = Sigma.rules("""
                title: Any DNS query
                logsource: {category: dns}
                detection:
                  sel: {query|endswith: '.example'}
                  condition: sel
                """);
        assertThat(rules.match(Sigma.event("suricata.eve", Instant.EPOCH, "dns.question.name", "a.example"))).hasSize(1);
        assertThat(rules.match(Sigma.event("suricata.eve", Instant.EPOCH, "url.domain", "a.example"))).isEmpty();
    }

    @Test
    void sigmaFieldsMapToEcsMostSpecificTableFirst() {
        LogSource firewall = LogSource.of("firewall", null, null);
        assertThat(mapping.ecsField("src_ip", firewall)).hasValue("source.ip");
        assertThat(mapping.ecsField("DestinationPort", firewall)).hasValue("destination.port");
        assertThat(mapping.ecsField("destinationport", firewall)).hasValue("destination.port");
        assertThat(mapping.ecsField("CommandLine", firewall)).hasValue("process.command_line");
        assertThat(mapping.ecsField("source.ip", firewall)).hasValue("source.ip");
        assertThat(mapping.ecsField("NoSuchField", firewall)).isEmpty();
        assertThat(mapping.ecsField("Signature", LogSource.of("antivirus", null, null))).hasValue("rule.name");
        assertThat(mapping.ecsField("Path", LogSource.of("antivirus", "windows", "windefend"))).hasValue("file.path");
        assertThat(mapping.ecsField("alert.signature", LogSource.of(null, "suricata", null))).hasValue("rule.name");
    }

    @Test
    void aBrokenMappingFileIsRejectedWithItsLine() {
        assertThatThrownBy(() -> TaxonomyMapping.parse("m.yml", "datasets:\n  a.b:\n    flavour: [x]\n"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("unknown logsource part 'flavour'");
        assertThatThrownBy(() -> TaxonomyMapping.parse("m.yml", "datasets: {}\nfields:\n  common:\n    A: 'Not ECS'\n"))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("must map to an ECS field name");
    }
}
