package com.ramparts.agent.config;

import com.ramparts.agent.config.KafkaConfig.SslConfig;
import com.ramparts.agent.spool.FsyncPolicy;
import com.ramparts.agent.spool.FullPolicy;
import com.ramparts.agent.spool.SpoolOptions;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads and validates the agent's YAML configuration. The file's shape, with defaults:
 *
 * <pre>
 * agent:    { id: agent-7, site_id: ward-03, unit_id: d1-ward-03, data_dir: /var/lib/ramparts-agent }
 * spool:    { dir: DATA_DIR/spool, max_bytes: 1GiB, segment_bytes: 64MiB, fsync: interval,
 *             fsync_interval: 1s, when_full: block }
 * kafka:    { bootstrap_servers: soc:9093, topic: telemetry.events, compression: zstd,
 *             delivery_timeout: 30s, max_backoff: 30s, ssl: {...}, properties: {...} }
 * heartbeat: { interval: 60s }
 * inputs:
 *   - { id: eve, type: file, format: suricata-eve, path: /var/log/suricata/eve.json }
 *   - { id: fw, type: syslog, format: fortigate, udp_port: 5514, tcp_port: 5514 }
 *   - { id: restic, type: command, format: restic-snapshots, command: [restic, snapshots, --json],
 *       interval: 1h, output: whole }
 * </pre>
 *
 * docs/agent.md lists every key.
 */
public final class ConfigLoader {

    /** event.original holds at most 262,144 characters; a record never exceeds that in bytes either. */
    public static final int MAX_RECORD_BYTES = 256 * 1024;
    private static final long MAX_FILE_BYTES = 1 << 20;
    /** Where agents with enrolled certificates write: the broker lets a site write only its own topic. */
    public static final String SITE_TOPIC = "telemetry.site.{site}";
    /** Where agents without them write (the appliance's own listener, tests). */
    public static final String SHARED_TOPIC = "telemetry.events";

    private final Predicate<String> formatExists;

    /** @param formatExists whether a parser format name is known (e.g. the parser registry's lookup) */
    public ConfigLoader(Predicate<String> formatExists) {
        this.formatExists = formatExists;
    }

    public AgentConfig load(Path file) throws IOException, InvalidConfigException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new InvalidConfigException(file, List.of(new ConfigError("(file)", 0, 0,
                    "is larger than " + MAX_FILE_BYTES + " bytes; this is not an agent configuration")));
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file, reader);
        }
    }

    AgentConfig parse(Path file, Reader reader) throws InvalidConfigException {
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(10).setAllowRecursiveKeys(false).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeReader(reader);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
            throw new InvalidConfigException(file, List.of(new ConfigError("(yaml)", line, column,
                    "not valid YAML: " + e.getProblem())));
        } catch (YamlEngineException e) {
            throw new InvalidConfigException(file, List.of(new ConfigError("(yaml)", 0, 0,
                    "not valid YAML: " + e.getMessage())));
        }
        if (root.isEmpty()) {
            throw new InvalidConfigException(file, List.of(new ConfigError("(file)", 1, 1, "is empty")));
        }
        List<ConfigError> errors = new ArrayList<>();
        AgentConfig config = read(new YamlSection("", root.get(), errors), errors);
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            throw new InvalidConfigException(file, errors);
        }
        return config;
    }

    private AgentConfig read(YamlSection root, List<ConfigError> errors) {
        YamlSection agent = root.section("agent").orElse(null);
        if (agent == null) {
            root.error(root.valueNode("agent"), "agent", "is required (with id and site_id)");
        }
        String agentId = agent == null ? null : agent.requiredId("id");
        String siteId = agent == null ? null : agent.requiredId("site_id");
        Optional<String> unitId = agent == null ? Optional.empty() : agent.optionalId("unit_id");
        Path dataDir = path(agent, "data_dir", "/var/lib/ramparts-agent");
        if (agent != null) {
            agent.finish();
        }

        SpoolConfig spool = spool(root.section("spool"), dataDir == null ? Path.of(".") : dataDir, root);
        KafkaConfig kafka = kafka(root, errors);
        Duration heartbeat = root.section("heartbeat").map(section -> {
            Duration interval = section.duration("interval", Duration.ofSeconds(60), Duration.ofSeconds(1));
            section.finish();
            return interval;
        }).orElse(Duration.ofSeconds(60));
        Optional<EnrolmentConfig> enrolment = root.section("enrolment").map(section -> enrolment(section,
                dataDir == null ? Path.of(".") : dataDir));
        if (enrolment.isPresent() && kafka != null && kafka.ssl().isPresent()) {
            root.error(root.valueNode("enrolment"), "enrolment", "give either enrolment (the enrolled certificate) or"
                    + " kafka.ssl (key and trust stores of your own), not both");
        }
        if (kafka != null && kafka.topic() == null) {
            kafka = new KafkaConfig(kafka.bootstrapServers(), enrolment.isPresent() ? SITE_TOPIC : SHARED_TOPIC,
                    kafka.compression(), kafka.deliveryTimeout(), kafka.maxBackoff(), kafka.ssl(), kafka.properties());
        }
        List<InputConfig> inputs = inputs(root);
        root.finish();
        if (!errors.isEmpty()) {
            return null;
        }
        return new AgentConfig(agentId, siteId, unitId, dataDir, spool, kafka, heartbeat, List.copyOf(inputs),
                enrolment);
    }

    private static SpoolConfig spool(Optional<YamlSection> maybe, Path dataDir, YamlSection root) {
        YamlSection s = maybe.orElse(null);
        Path dir = s == null ? dataDir.resolve("spool") : path(s, "dir", dataDir.resolve("spool").toString());
        long maxBytes = s == null ? 1L << 30 : s.size("max_bytes", 1L << 30, 2 * SpoolOptions.MIN_SEGMENT_BYTES,
                Long.MAX_VALUE);
        long defaultSegment = Math.min(64L << 20, maxBytes / 4);
        long segmentBytes = s == null ? defaultSegment : s.size("segment_bytes", defaultSegment, 2L << 20, 1L << 30);
        FsyncPolicy fsync = s == null ? FsyncPolicy.INTERVAL : s.choice("fsync", FsyncPolicy.INTERVAL,
                orderedMap("always", FsyncPolicy.ALWAYS, "interval", FsyncPolicy.INTERVAL, "never", FsyncPolicy.NEVER));
        Duration interval = s == null ? Duration.ofSeconds(1)
                : s.duration("fsync_interval", Duration.ofSeconds(1), Duration.ofMillis(1));
        FullPolicy full = s == null ? FullPolicy.BLOCK : s.choice("when_full", FullPolicy.BLOCK,
                orderedMap("block", FullPolicy.BLOCK, "drop_oldest", FullPolicy.DROP_OLDEST));
        if (s != null) {
            if (maxBytes < 2 * segmentBytes) {
                s.error(s.valueNode("max_bytes"), s.keyPath("max_bytes"), "must hold at least two segments ("
                        + 2 * segmentBytes + " bytes with segment_bytes " + segmentBytes + ")");
            }
            s.finish();
        }
        return new SpoolConfig(dir, maxBytes, segmentBytes, fsync, interval, full);
    }

    private static KafkaConfig kafka(YamlSection root, List<ConfigError> errors) {
        YamlSection k = root.section("kafka").orElse(null);
        if (k == null) {
            root.error(root.valueNode("kafka"), "kafka", "is required (with bootstrap_servers)");
            return null;
        }
        String bootstrap = k.required("bootstrap_servers");
        String topic = k.string("topic", null); // the default depends on enrolment: see read()
        String compression = k.choice("compression", "zstd", orderedMap("zstd", "zstd", "lz4", "lz4"));
        Duration deliveryTimeout = k.duration("delivery_timeout", Duration.ofSeconds(30), Duration.ofSeconds(1));
        Duration maxBackoff = k.duration("max_backoff", Duration.ofSeconds(30), Duration.ofMillis(100));
        Optional<SslConfig> ssl = k.section("ssl").map(ConfigLoader::ssl);
        Map<String, String> properties = k.stringMap("properties");
        k.finish();
        return new KafkaConfig(bootstrap, topic, compression, deliveryTimeout, maxBackoff, ssl, Map.copyOf(properties));
    }

    private static EnrolmentConfig enrolment(YamlSection s, Path dataDir) {
        String pkiText = s.required("pki");
        URI pki = null;
        if (pkiText != null) {
            try {
                pki = new URI(pkiText);
                if (!"https".equalsIgnoreCase(pki.getScheme()) || pki.getHost() == null) {
                    s.error(s.valueNode("pki"), s.keyPath("pki"), "'" + pkiText + "' must be an https://host[:port] URL"
                            + " (EST runs over TLS)");
                }
            } catch (URISyntaxException e) {
                s.error(s.valueNode("pki"), s.keyPath("pki"), "'" + pkiText + "' is not a URL: " + e.getReason());
            }
        }
        Path dir = path(s, "dir", dataDir.resolve("tls").toString());
        boolean verifyHostname = s.bool("verify_hostname", true);
        s.finish();
        return new EnrolmentConfig(pki, dir, verifyHostname);
    }

    private static SslConfig ssl(YamlSection s) {
        String keystore = s.required("keystore");
        String keystoreType = s.string("keystore_type", "PKCS12");
        String keystorePassword = password(s, "keystore_password");
        String truststore = s.required("truststore");
        String truststoreType = s.string("truststore_type", "PKCS12");
        String truststorePassword = password(s, "truststore_password");
        boolean verifyHostname = s.bool("verify_hostname", true);
        s.finish();
        return new SslConfig(keystore, keystoreType, keystorePassword, truststore, truststoreType, truststorePassword,
                verifyHostname);
    }

    /** {@code NAME} inline or {@code NAME_file}: a file holding it, which keeps it out of the config. */
    private static String password(YamlSection s, String key) {
        Optional<String> inline = s.optionalString(key);
        Optional<String> file = s.optionalString(key + "_file");
        if (inline.isPresent() && file.isPresent()) {
            s.error(s.valueNode(key), s.keyPath(key), "give either " + key + " or " + key + "_file, not both");
        }
        if (file.isPresent()) {
            try {
                return Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip();
            } catch (IOException | InvalidPathException e) {
                s.error(s.valueNode(key + "_file"), s.keyPath(key + "_file"), "cannot read " + file.get() + ": " + e);
            }
        }
        return inline.orElse(null);
    }

    private List<InputConfig> inputs(YamlSection root) {
        List<Node> items = root.list("inputs");
        if (items.isEmpty()) {
            root.error(root.valueNode("inputs"), "inputs", "at least one input is required");
        }
        List<InputConfig> inputs = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            YamlSection s = root.child("inputs[" + i + "]", items.get(i));
            InputConfig input = input(s);
            if (input != null) {
                if (input.id().equals(AgentConfig.HEARTBEAT_INPUT_ID)) {
                    s.error(s.valueNode("id"), s.keyPath("id"), "'" + AgentConfig.HEARTBEAT_INPUT_ID
                            + "' is the agent's own heartbeat; choose another id");
                } else if (seen.putIfAbsent(input.id(), s.path()) != null) {
                    s.error(s.valueNode("id"), s.keyPath("id"), "'" + input.id() + "' is already the id of "
                            + seen.get(input.id()) + "; input ids must be unique");
                }
                inputs.add(input);
            }
        }
        return inputs;
    }

    private InputConfig input(YamlSection s) {
        String id = s.requiredId("id");
        String type = s.choice("type", null, orderedMap("file", "file", "syslog", "syslog", "command", "command"));
        if (type == null && !s.has("type")) {
            s.error(s.valueNode("type"), s.keyPath("type"), "is required: file, syslog or command");
        }
        String format = s.required("format");
        if (format != null && !formatExists.test(format)) {
            s.error(s.valueNode("format"), s.keyPath("format"), "'" + format + "' is not a known parser format");
        }
        Duration silentAfter = s.duration("silent_after", Duration.ofMinutes(10), Duration.ofSeconds(1));
        InputConfig input = type == null ? null : switch (type) {
            case "file" -> file(s, id, format, silentAfter);
            case "syslog" -> syslog(s, id, format, silentAfter);
            default -> command(s, id, format, silentAfter);
        };
        if (type != null) {
            s.finish(); // without a type, the type's own keys would all read as unknown
        }
        return id == null || format == null ? null : input;
    }

    private static FileInputConfig file(YamlSection s, String id, String format, Duration silentAfter) {
        Path path = path(s, "path", null);
        if (path == null && !s.has("path")) {
            s.error(s.valueNode("path"), s.keyPath("path"), "is required for a file input");
        } else if (path != null && !path.isAbsolute()) {
            s.error(s.valueNode("path"), s.keyPath("path"), "must be an absolute path, was " + path);
        }
        Duration poll = s.duration("poll_interval", Duration.ofMillis(250), Duration.ofMillis(10));
        int maxLine = (int) s.size("max_line_bytes", 64 * 1024, 256, MAX_RECORD_BYTES);
        boolean atEnd = s.choice("start_at", false, orderedMap("beginning", false, "end", true));
        return new FileInputConfig(id, format, path, poll, maxLine, atEnd, silentAfter);
    }

    private static SyslogInputConfig syslog(YamlSection s, String id, String format, Duration silentAfter) {
        String host = s.string("host", "0.0.0.0");
        int udp = s.integer("udp_port", -1, 0, 65535);
        int tcp = s.integer("tcp_port", -1, 0, 65535);
        if (udp < 0 && tcp < 0) {
            s.error(s.valueNode("udp_port"), s.path(), "a syslog input needs udp_port, tcp_port or both");
        }
        int maxMessage = (int) s.size("max_message_bytes", 64 * 1024, 480, MAX_RECORD_BYTES);
        int queue = s.integer("queue", 10_000, 1, 1_000_000);
        int connections = s.integer("max_connections", 256, 1, 10_000);
        ZoneId zone = ZoneId.systemDefault();
        Optional<String> zoneText = s.optionalString("timezone");
        if (zoneText.isPresent()) {
            try {
                zone = ZoneId.of(zoneText.get());
            } catch (DateTimeException e) {
                s.error(s.valueNode("timezone"), s.keyPath("timezone"), "'" + zoneText.get()
                        + "' is not a time zone; write e.g. Asia/Ho_Chi_Minh or +07:00");
            }
        }
        return new SyslogInputConfig(id, format, host, udp, tcp, maxMessage, queue, connections, zone, silentAfter);
    }

    private static CommandInputConfig command(YamlSection s, String id, String format, Duration silentAfter) {
        List<String> command = s.stringList("command");
        if (command.isEmpty()) {
            s.error(s.valueNode("command"), s.keyPath("command"), "is required: the program and its arguments as a"
                    + " list, e.g. [restic, snapshots, --json] (no shell is involved)");
        }
        Duration interval = s.duration("interval", Duration.ofHours(1), Duration.ofSeconds(1));
        Duration timeout = s.duration("timeout", Duration.ofMinutes(5), Duration.ofMillis(100));
        int maxOutput = (int) s.size("max_output_bytes", MAX_RECORD_BYTES, 256, MAX_RECORD_BYTES);
        boolean whole = s.choice("output", false, orderedMap("lines", false, "whole", true));
        return new CommandInputConfig(id, format, List.copyOf(command), interval, timeout, maxOutput, whole,
                silentAfter);
    }

    private static Path path(YamlSection s, String key, String fallback) {
        String text = s == null ? fallback : s.string(key, fallback);
        if (text == null) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            s.error(s.valueNode(key), s.keyPath(key), "'" + text + "' is not a valid path: " + e.getReason());
            return null;
        }
    }

    private static <T> Map<String, T> orderedMap(Object... keysAndValues) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            T value = (T) keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value);
        }
        return map;
    }
}
