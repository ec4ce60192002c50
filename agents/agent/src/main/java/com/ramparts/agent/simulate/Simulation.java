package com.ramparts.agent.simulate;

import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.FileInputConfig;
import com.ramparts.agent.config.InputConfig;
import com.ramparts.agent.config.KafkaConfig;
import com.ramparts.agent.config.SpoolConfig;
import com.ramparts.agent.input.Input;
import com.ramparts.agent.parse.ParserSettings;
import com.ramparts.agent.parse.Parsers;
import com.ramparts.agent.pipeline.Agent;
import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.FullPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N virtual sites, each a real {@link Agent} (its own spool under {@code dataDir/<site>}, its own
 * producer keyed by its site id, its heartbeat) whose four inputs are generators:
 * <pre>
 *   fw      iptables (wards) or fortigate (departments, districts)   45% of the site's rate
 *   ids     suricata-eve                                             55%
 *   av      clamav-clamd     a self-check a minute, FOUND on malware
 *   backup  restic           a summary (or the failure) every 10 minutes
 * </pre>
 */
public final class Simulation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    private static final double FIREWALL_SHARE = 0.45;
    private static final double ANTIVIRUS_PER_SECOND = 1.0 / 60;
    private static final double BACKUP_PER_SECOND = 1.0 / 600;

    /**
     * @param sites           how many sites (1-2000)
     * @param eventsPerSecond the city's mean rate over a day, all sites together
     * @param seed            the same seed gives the same lines
     * @param flat            no daily rhythm: exactly {@code eventsPerSecond} (benchmarks)
     */
    public record Options(int sites, double eventsPerSecond, long seed, String bootstrapServers, String topic,
                          Path dataDir, boolean flat, long spoolBytes) {

        /** Demo-sized spools: 64 MiB a site. */
        public Options(int sites, double eventsPerSecond, long seed, String bootstrapServers, String topic, Path dataDir,
                       boolean flat) {
            this(sites, eventsPerSecond, seed, bootstrapServers, topic, dataDir, flat, 64L << 20);
        }

        public Options {
            if (spoolBytes < 8L << 20) {
                throw new IllegalArgumentException("--spool-bytes must be at least 8 MiB, not " + spoolBytes);
            }
            if (sites < 1 || sites > 2000) {
                throw new IllegalArgumentException("--sites must be 1 to 2000, not " + sites);
            }
            if (!(eventsPerSecond > 0) || eventsPerSecond > 1_000_000) {
                throw new IllegalArgumentException("--eps must be above 0 and at most 1000000, not " + eventsPerSecond);
            }
        }
    }

    private final List<Agent> agents;

    private Simulation(List<Agent> agents) {
        this.agents = agents;
    }

    public static Simulation start(Options options, Clock clock, String version) throws IOException {
        List<Agent> agents = new ArrayList<>();
        try {
            for (City.Site site : City.sites(options.sites())) {
                agents.add(startSite(site, options, clock, version));
            }
        } catch (IOException | RuntimeException e) {
            agents.forEach(Agent::close);
            throw e;
        }
        log.info("event=simulation_started sites={} eps={} seed={} topic={}", options.sites(), options.eventsPerSecond(),
                options.seed(), options.topic());
        return new Simulation(agents);
    }

    /** One site's configuration: what a real agent of that site would have in its agent.yml. */
    static AgentConfig config(City.Site site, Options options) {
        Path dir = options.dataDir().resolve(site.id());
        Duration silentAfter = Duration.ofMinutes(3);
        List<InputConfig> inputs = List.of(
                file("fw", site.fortigate() ? "fortigate" : "iptables",
                        site.fortigate() ? "/var/log/fortigate.log" : "/var/log/kern.log", silentAfter),
                file("ids", "suricata-eve", "/var/log/suricata/eve.json", silentAfter),
                file("av", "clamav-clamd", "/var/log/clamav/clamd.log", Duration.ofMinutes(10)),
                file("backup", "restic", "/var/log/restic/backup.jsonl", Duration.ofMinutes(30)));
        return new AgentConfig("sim-" + site.id(), site.id(), Optional.of(site.unitId()), dir,
                // block when full, as a real agent does by default: a generated line is never lost, the
                // generators fall behind instead (their catch-up is bounded)
                new SpoolConfig(dir.resolve("spool"), options.spoolBytes(), Math.min(64L << 20, options.spoolBytes() / 4),
                        FsyncPolicy.INTERVAL, Duration.ofSeconds(1), FullPolicy.BLOCK),
                new KafkaConfig(options.bootstrapServers(), options.topic(), "zstd", Duration.ofSeconds(30),
                        Duration.ofSeconds(10), Optional.empty(), Map.of()),
                Duration.ofSeconds(30), inputs);
    }

    private static FileInputConfig file(String id, String format, String path, Duration silentAfter) {
        return new FileInputConfig(id, format, Path.of(path), Duration.ofMillis(250), 64 * 1024, false, silentAfter);
    }

    private static Agent startSite(City.Site site, Options options, Clock clock, String version) throws IOException {
        AgentConfig config = config(site, options);
        double siteRate = options.eventsPerSecond() / options.sites();
        Random seeds = new Random(options.seed() * 1_000_003L + site.index());
        Scenario scenario = new Scenario(new Random(seeds.nextLong()));
        Addresses addresses = new Addresses(site.index(), new Random(seeds.nextLong()));
        ZoneId hostZone = ParserSettings.DEFAULTS.localZone(); // zone-less formats are read in the host's zone
        Instant boot = clock.instant().minus(Duration.ofDays(3 + site.index() % 20));
        LineGenerator firewall = site.fortigate()
                ? new FortiGateLines(new Random(seeds.nextLong()), addresses, scenario, site.id(), site.index())
                : new IptablesLines(new Random(seeds.nextLong()), addresses, scenario, site.id(), hostZone, boot);
        LineGenerator ids = new SuricataLines(new Random(seeds.nextLong()), addresses, scenario);
        LineGenerator antivirus = new ClamdLines(new Random(seeds.nextLong()), scenario, hostZone);
        LineGenerator backup = new ResticLines(new Random(seeds.nextLong()), scenario);
        Predicate<Instant> never = now -> false;
        Map<String, Input> inputs = Map.of(
                "fw", new GeneratedInput("fw", "/var/log/fw", firewall, siteRate * FIREWALL_SHARE, options.flat(), scenario,
                        scenario::firewallSilent, clock),
                "ids", new GeneratedInput("ids", "/var/log/suricata/eve.json", ids, siteRate * (1 - FIREWALL_SHARE),
                        options.flat(), scenario, never, clock),
                "av", new GeneratedInput("av", "/var/log/clamav/clamd.log", antivirus, ANTIVIRUS_PER_SECOND, true, scenario,
                        never, clock),
                "backup", new GeneratedInput("backup", "restic", backup, BACKUP_PER_SECOND, true, scenario, never, clock));
        return Agent.start(config, format -> Parsers.create(format, ParserSettings.DEFAULTS), version,
                (inputConfig, counters) -> inputs.get(inputConfig.id()));
    }

    public List<Agent> agents() {
        return List.copyOf(agents);
    }

    /** Events Kafka acknowledged, all sites. */
    public long shipped() {
        return agents.stream().mapToLong(agent -> agent.shipper().stats().shipped()).sum();
    }

    @Override
    public void close() {
        agents.parallelStream().forEach(Agent::close);
    }
}
