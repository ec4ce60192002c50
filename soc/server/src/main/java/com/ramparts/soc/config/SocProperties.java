package com.ramparts.soc.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the soc service is configured with, under {@code ramparts.soc}.
 *
 * @param dataDir where the service keeps its files (the embedded database among them)
 * @param adminCredentialsFile the first administrator's credentials, created on first start if missing
 * @param kafka the broker the telemetry arrives on, and the topics of the wire contract
 * @param openSearch where events and incidents are indexed, and for how long they are kept
 * @param ingest the indexer: consumer group, batch sizes, retries
 * @param correlation the correlator: rules directory, Kafka Streams application, punctuation
 * @param incidents the alert consumer that groups alerts into incidents, and the SLA clocks
 * @param response response actions from an incident: pki for revocations, SMTP for notifications
 * @param incidentSearch the incidents' OpenSearch index
 * @param units the copy of pki's unit registry and unit certificates, and how it is synced
 * @param posture live security posture from the telemetry: thresholds, consumer group, history
 */
@Validated
@ConfigurationProperties("ramparts.soc")
public record SocProperties(
        @NotNull @DefaultValue("data/soc") Path dataDir,
        @NotNull @DefaultValue("data/secrets/admin-credentials") Path adminCredentialsFile,
        @Valid @NotNull @DefaultValue Kafka kafka,
        @Valid @NotNull @DefaultValue OpenSearch openSearch,
        @Valid @NotNull @DefaultValue Ingest ingest,
        @Valid @NotNull @DefaultValue Correlation correlation,
        @Valid @NotNull @DefaultValue Incidents incidents,
        @Valid @NotNull @DefaultValue Response response,
        @Valid @NotNull @DefaultValue IncidentSearch incidentSearch,
        @Valid @NotNull @DefaultValue Units units,
        @Valid @NotNull @DefaultValue Posture posture) {

    /** Kafka topic names: what Kafka accepts, at most 249 characters. */
    private static final String TOPIC_NAME = "[A-Za-z0-9._-]{1,249}";

    /**
     * @param bootstrapServers comma-separated host:port list
     * @param replicationFactor replicas of each topic soc creates (1 on the appliance, 3 on a cluster)
     * @param topics the wire-contract topics, created at start-up when missing
     */
    public record Kafka(@NotBlank @DefaultValue("127.0.0.1:9092") String bootstrapServers,
                        @Min(1) @Max(32) @DefaultValue("1") short replicationFactor,
                        @Valid @NotNull Topics topics) {
    }

    /** The four topics of the wire contract; their defaults are in application.yml. */
    public record Topics(@Valid @NotNull Topic events, @Valid @NotNull Topic deadLetter,
                         @Valid @NotNull Topic alerts, @Valid @NotNull Topic pkiAudit) {

        public List<Topic> all() {
            return List.of(events, deadLetter, alerts, pkiAudit);
        }
    }

    /**
     * @param name the topic's name
     * @param partitions used when soc creates it; an existing topic keeps its own
     * @param retention {@code retention.ms} when soc creates it
     */
    public record Topic(@NotNull @Pattern(regexp = TOPIC_NAME, message = "must be 1 to 249 of A-Z a-z 0-9 . _ -") String name,
                        @Min(1) @Max(10_000) @DefaultValue("1") int partitions,
                        @NotNull @DefaultValue("7d") Duration retention) {
        public Topic {
            if (retention != null && (retention.isNegative() || retention.isZero())) {
                throw new IllegalArgumentException("retention must be positive, was " + retention);
            }
        }
    }

    /**
     * @param url the HTTP endpoint of the cluster
     * @param indexPrefix event indices are {@code <prefix><dataset>-yyyy.MM.dd}; the template covers {@code <prefix>*}
     * @param shards primary shards per daily index
     * @param replicas replicas per daily index (0 on a single node, or it stays yellow)
     * @param retention how long daily indices are kept
     */
    public record OpenSearch(@NotNull @DefaultValue("http://127.0.0.1:9200") URI url,
                             @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,99}",
                                     message = "must be lowercase a-z 0-9 . _ -, starting with a letter or digit, at most 100")
                             @DefaultValue("ramparts-events-") String indexPrefix,
                             @Min(1) @Max(64) @DefaultValue("1") int shards,
                             @Min(0) @Max(16) @DefaultValue("0") int replicas,
                             @Valid @NotNull @DefaultValue Retention retention) {
    }

    /**
     * @param defaultDays days an event index is kept after its day has ended
     * @param datasets per-dataset overrides of {@code defaultDays}, keyed by {@code event.dataset}
     * @param checkInterval how often expired indices are looked for
     */
    public record Retention(@Min(1) @Max(36_500) @DefaultValue("90") int defaultDays,
                            Map<String, Integer> datasets,
                            @NotNull @DefaultValue("1h") Duration checkInterval) {
        public Retention {
            datasets = datasets == null ? Map.of() : Map.copyOf(datasets);
            datasets.forEach((dataset, days) -> {
                if (days == null || days < 1) {
                    throw new IllegalArgumentException("datasets." + dataset + " must be at least 1 day, was " + days);
                }
            });
            if (checkInterval != null && checkInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("check-interval must be at least 1s, was " + checkInterval);
            }
        }

        public int daysFor(String dataset) {
            return datasets.getOrDefault(dataset, defaultDays);
        }
    }

    /**
     * @param enabled whether soc consumes and indexes telemetry (off for tests that do not want it)
     * @param consumerGroup the Kafka consumer group of every soc instance's indexer
     * @param maxPollRecords most records taken from Kafka per batch
     * @param bulkMaxBytes most bytes per OpenSearch _bulk request
     * @param retryInitialBackoff first wait after OpenSearch or Kafka failed a batch; doubles each time
     * @param retryMaxBackoff longest wait between retries
     * @param siteRefreshInterval how often the site registry is re-read from the database
     */
    public record Ingest(@DefaultValue("true") boolean enabled,
                         @NotNull @Pattern(regexp = TOPIC_NAME, message = "must be 1 to 249 of A-Z a-z 0-9 . _ -")
                         @DefaultValue("ramparts-soc-indexer") String consumerGroup,
                         @Min(1) @Max(100_000) @DefaultValue("5000") int maxPollRecords,
                         @NotNull @DefaultValue("5MB") DataSize bulkMaxBytes,
                         @NotNull @DefaultValue("200ms") Duration retryInitialBackoff,
                         @NotNull @DefaultValue("30s") Duration retryMaxBackoff,
                         @NotNull @DefaultValue("30s") Duration siteRefreshInterval) {
        public Ingest {
            if (bulkMaxBytes != null && (bulkMaxBytes.toBytes() < 1024 || bulkMaxBytes.toMegabytes() > 100)) {
                throw new IllegalArgumentException("bulk-max-bytes must be between 1KB and 100MB"
                        + " (OpenSearch's http.max_content_length), was " + bulkMaxBytes);
            }
            if (retryInitialBackoff != null && retryInitialBackoff.toMillis() < 1) {
                throw new IllegalArgumentException("retry-initial-backoff must be at least 1ms, was " + retryInitialBackoff);
            }
            if (retryInitialBackoff != null && retryMaxBackoff != null && retryMaxBackoff.compareTo(retryInitialBackoff) < 0) {
                throw new IllegalArgumentException("retry-max-backoff (" + retryMaxBackoff
                        + ") must not be shorter than retry-initial-backoff (" + retryInitialBackoff + ")");
            }
            if (siteRefreshInterval != null && siteRefreshInterval.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("site-refresh-interval must be at least 100ms, was " + siteRefreshInterval);
            }
        }
    }

    /**
     * @param enabled whether soc runs the correlator (off for tests that do not want it)
     * @param applicationId the Kafka Streams application id: every soc instance of one deployment uses the same
     * @param rulesPath the directory of Sigma rules ({@code *.yml}) and absence rules ({@code *.absence.yml})
     * @param reloadInterval how often the rules directory is checked for changes
     * @param punctuationInterval how often wall-clock time closes windows and evaluates absence rules
     * @param allowedLateness how long after wall-clock time an event may arrive and still count
     * @param streamThreads Kafka Streams threads per instance
     * @param stateDir where the local state stores live; empty means {@code <data-dir>/correlation}
     * @param streams extra Kafka Streams settings, passed as they are (e.g. {@code session.timeout.ms})
     * @param indicatorsPath the directory of IOC lists (CSV, STIX 2.1, MISP JSON); empty means {@code <rules-path>/ioc}
     */
    public record Correlation(@DefaultValue("true") boolean enabled,
                              @NotNull @Pattern(regexp = TOPIC_NAME, message = "must be 1 to 249 of A-Z a-z 0-9 . _ -")
                              @DefaultValue("ramparts-soc-correlator") String applicationId,
                              @NotNull @DefaultValue("rules") Path rulesPath,
                              @NotNull @DefaultValue("5s") Duration reloadInterval,
                              @NotNull @DefaultValue("1s") Duration punctuationInterval,
                              @NotNull @DefaultValue("1m") Duration allowedLateness,
                              @Min(1) @Max(64) @DefaultValue("1") int streamThreads,
                              Path stateDir,
                              Map<String, String> streams,
                              Path indicatorsPath) {
        public Correlation {
            streams = streams == null ? Map.of() : Map.copyOf(streams);
            if (reloadInterval != null && reloadInterval.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("reload-interval must be at least 100ms, was " + reloadInterval);
            }
            if (punctuationInterval != null && punctuationInterval.compareTo(Duration.ofMillis(50)) < 0) {
                throw new IllegalArgumentException("punctuation-interval must be at least 50ms, was " + punctuationInterval);
            }
            if (allowedLateness != null && allowedLateness.isNegative()) {
                throw new IllegalArgumentException("allowed-lateness must not be negative, was " + allowedLateness);
            }
        }

        /** Where the IOC lists are: {@code indicators-path}, else {@code ioc} under the rules directory. */
        public Path indicatorsDirectory() {
            return indicatorsPath != null ? indicatorsPath : rulesPath.resolve("ioc");
        }
    }

    /**
     * @param enabled whether soc consumes {@code soc.alerts} into incidents (off for tests that do not want it)
     * @param consumerGroup the Kafka consumer group of the incident consumer (its own, apart from the indexer)
     * @param window how long after an incident's last alert a related alert still joins it
     * @param groupBy {@code rule}: related means the same rule or the same rule group; {@code tactic}: also the
     *                same ATT&CK tactic ({@code attack.<tactic>} tag)
     * @param ruleGroups group name to rule ids: alerts of rules in one group join the same incident
     * @param acknowledgeWithin per severity (1-5), how long a new incident may wait to be acknowledged
     * @param retryBackoff wait after the database or Kafka failed a batch before reading it again
     */
    public record Incidents(@DefaultValue("true") boolean enabled,
                            @NotNull @Pattern(regexp = TOPIC_NAME, message = "must be 1 to 249 of A-Z a-z 0-9 . _ -")
                            @DefaultValue("ramparts-soc-incidents") String consumerGroup,
                            @NotNull @DefaultValue("1h") Duration window,
                            @NotNull @Pattern(regexp = "rule|tactic", message = "must be rule or tactic")
                            @DefaultValue("rule") String groupBy,
                            Map<String, List<String>> ruleGroups,
                            Map<Integer, Duration> acknowledgeWithin,
                            @NotNull @DefaultValue("1s") Duration retryBackoff) {

        /** Defaults of the acknowledgement SLA: critical 15 min, high 1 h, medium 4 h, low 24 h, informational 72 h. */
        public static final Map<Integer, Duration> DEFAULT_ACKNOWLEDGE_WITHIN = Map.of(5, Duration.ofMinutes(15),
                4, Duration.ofHours(1), 3, Duration.ofHours(4), 2, Duration.ofHours(24), 1, Duration.ofHours(72));

        public Incidents {
            ruleGroups = ruleGroups == null ? Map.of() : Map.copyOf(ruleGroups);
            Map<Integer, Duration> sla = new HashMap<>(DEFAULT_ACKNOWLEDGE_WITHIN);
            if (acknowledgeWithin != null) {
                acknowledgeWithin.forEach((severity, within) -> {
                    if (severity == null || severity < 1 || severity > 5) {
                        throw new IllegalArgumentException("acknowledge-within keys are severities 1-5, was " + severity);
                    }
                    if (within == null || within.isNegative() || within.isZero()) {
                        throw new IllegalArgumentException("acknowledge-within." + severity + " must be positive, was " + within);
                    }
                });
                sla.putAll(acknowledgeWithin);
            }
            acknowledgeWithin = Map.copyOf(sla);
            if (window != null && (window.isNegative() || window.isZero())) {
                throw new IllegalArgumentException("window must be positive, was " + window);
            }
            if (retryBackoff != null && retryBackoff.toMillis() < 1) {
                throw new IllegalArgumentException("retry-backoff must be at least 1ms, was " + retryBackoff);
            }
        }

        /** The rule group of a rule, if it is in one. */
        public Optional<String> groupOf(String ruleId) {
            return ruleGroups.entrySet().stream().filter(group -> group.getValue().contains(ruleId))
                    .map(Map.Entry::getKey).sorted().findFirst();
        }
    }

    /**
     * @param dashboardUrl how people reach the dashboard: links in notification e-mails point here
     * @param pendingTimeout an action still pending after this long (its instance died) may be taken again
     * @param pki the pki service that revokes certificates
     * @param mail the SMTP server notifications go through
     */
    public record Response(@NotNull @DefaultValue("http://127.0.0.1:8080") URI dashboardUrl,
                           @NotNull @DefaultValue("2m") Duration pendingTimeout,
                           @Valid @NotNull @DefaultValue Pki pki,
                           @Valid @NotNull @DefaultValue Mail mail) {
        public Response {
            if (dashboardUrl != null && !("http".equals(dashboardUrl.getScheme()) || "https".equals(dashboardUrl.getScheme()))) {
                throw new IllegalArgumentException("dashboard-url must be an http or https URL, was " + dashboardUrl);
            }
            if (pendingTimeout != null && pendingTimeout.compareTo(Duration.ofSeconds(5)) < 0) {
                throw new IllegalArgumentException("pending-timeout must be at least 5s, was " + pendingTimeout);
            }
        }
    }

    /**
     * @param url pki's base URL (e.g. {@code http://127.0.0.1:8081}); unset: revocation is unavailable
     * @param token a pki API token ({@code rpk_...}, role ADMIN) soc authenticates with
     * @param tokenFile a file whose first line is that token (kept out of the configuration); one of the two
     * @param connectTimeout how long to wait for a connection to pki
     * @param requestTimeout how long to wait for pki's answer
     */
    public record Pki(URI url, String token, Path tokenFile,
                      @NotNull @DefaultValue("5s") Duration connectTimeout,
                      @NotNull @DefaultValue("15s") Duration requestTimeout) {
        public Pki {
            if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("url must be an http or https URL, was " + url);
            }
            if (token != null && !token.isBlank() && tokenFile != null) {
                throw new IllegalArgumentException("set token or token-file, not both");
            }
        }

        public boolean configured() {
            return url != null;
        }
    }

    /**
     * @param host the SMTP server; unset: notifications are unavailable
     * @param port its port
     * @param username SMTP login, if it wants one
     * @param password SMTP password
     * @param startTls require STARTTLS
     * @param from the sender address of notifications
     * @param timeout connect, read and write timeout
     */
    public record Mail(String host, @Min(1) @Max(65_535) @DefaultValue("25") int port, String username, String password,
                       @DefaultValue("false") boolean startTls,
                       @NotBlank @DefaultValue("ramparts-soc@localhost") String from,
                       @NotNull @DefaultValue("10s") Duration timeout) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * @param enabled whether incidents are written to OpenSearch (and searched there)
     * @param index the index name (one index, {@code _id} = incident id)
     * @param retryBackoff wait after OpenSearch failed a write before trying again
     */
    public record IncidentSearch(@DefaultValue("true") boolean enabled,
                                 @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,199}",
                                         message = "must be lowercase a-z 0-9 . _ -, starting with a letter or digit")
                                 @DefaultValue("ramparts-incidents") String index,
                                 @NotNull @DefaultValue("2s") Duration retryBackoff) {
    }

    /**
     * @param pkiUrl pki's base URL (e.g. {@code http://127.0.0.1:8081}); empty: no sync, units stay as last synced
     * @param pkiTokenFile a file whose first line is a pki API token (ADMIN: the certificate inventory needs it)
     * @param syncInterval how often units and unit certificates are fetched from pki
     * @param requestTimeout the longest wait for one pki answer
     * @param maxResponseSize the largest pki answer read; a bigger one fails the sync (and changes nothing)
     * @param expiringWithin a valid unit certificate ending sooner than this counts as expiring
     * @param districtDepth depth in pki's unit tree of the districts (0 = the tree's roots, 1 = their children)
     */
    public record Units(URI pkiUrl,
                        Path pkiTokenFile,
                        @NotNull @DefaultValue("15m") Duration syncInterval,
                        @NotNull @DefaultValue("30s") Duration requestTimeout,
                        @NotNull @DefaultValue("16MB") DataSize maxResponseSize,
                        @NotNull @DefaultValue("30d") Duration expiringWithin,
                        @Min(0) @Max(16) @DefaultValue("1") int districtDepth) {
        public Units {
            if (pkiUrl != null && !pkiUrl.toString().isEmpty()
                    && (!("http".equals(pkiUrl.getScheme()) || "https".equals(pkiUrl.getScheme())) || pkiUrl.getHost() == null)) {
                throw new IllegalArgumentException("pki-url must be an http or https URL with a host, was " + pkiUrl);
            }
            if (pkiUrl != null && !pkiUrl.toString().isEmpty() && pkiTokenFile == null) {
                throw new IllegalArgumentException("pki-token-file is required when pki-url is set");
            }
            if (syncInterval != null && syncInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("sync-interval must be at least 1s, was " + syncInterval);
            }
            if (requestTimeout != null && requestTimeout.compareTo(Duration.ofMillis(100)) < 0) {
                throw new IllegalArgumentException("request-timeout must be at least 100ms, was " + requestTimeout);
            }
            if (maxResponseSize != null && (maxResponseSize.toKilobytes() < 1 || maxResponseSize.toMegabytes() > 512)) {
                throw new IllegalArgumentException("max-response-size must be between 1KB and 512MB, was " + maxResponseSize);
            }
            if (expiringWithin != null && expiringWithin.isNegative()) {
                throw new IllegalArgumentException("expiring-within must not be negative, was " + expiringWithin);
            }
        }

        public boolean syncEnabled() {
            return pkiUrl != null && !pkiUrl.toString().isEmpty();
        }
    }

    /**
     * @param enabled whether soc consumes telemetry into posture (off for tests that do not want it)
     * @param consumerGroup the Kafka consumer group of the posture consumer (its own, apart from the indexer)
     * @param maxPollRecords most records per batch
     * @param retryBackoff wait after the database or Kafka failed a batch before reading it again
     * @param firewallDatasets the {@code event.dataset} values of firewall logs
     * @param antivirusDatasets the {@code event.dataset} values of antivirus products
     * @param firewallSilentAfter a firewall quiet for longer is not reporting
     * @param signatureMaxAge antivirus signatures older than this are not healthy
     * @param backupMaxAge a last successful backup older than this does not count
     * @param agentOfflineAfter no agent heartbeat for longer: offline
     * @param workstationLookback hosts whose antivirus last reported longer ago are no longer counted as seen
     * @param snapshotInterval how often the posture is recorded for history
     * @param historyRetention how long snapshots are kept
     */
    public record Posture(@DefaultValue("true") boolean enabled,
                          @NotNull @Pattern(regexp = TOPIC_NAME, message = "must be 1 to 249 of A-Z a-z 0-9 . _ -")
                          @DefaultValue("ramparts-soc-posture") String consumerGroup,
                          @Min(1) @Max(100_000) @DefaultValue("2000") int maxPollRecords,
                          @NotNull @DefaultValue("1s") Duration retryBackoff,
                          @NotNull @DefaultValue({"iptables.log", "pfsense.log", "opnsense.log", "fortinet.firewall", "cisco.asa"})
                          List<String> firewallDatasets,
                          @NotNull @DefaultValue({"clamav.clamd", "clamav.clamscan", "clamav.freshclam", "windows.defender"})
                          List<String> antivirusDatasets,
                          @NotNull @DefaultValue("1h") Duration firewallSilentAfter,
                          @NotNull @DefaultValue("3d") Duration signatureMaxAge,
                          @NotNull @DefaultValue("24h") Duration backupMaxAge,
                          @NotNull @DefaultValue("10m") Duration agentOfflineAfter,
                          @NotNull @DefaultValue("30d") Duration workstationLookback,
                          @NotNull @DefaultValue("1h") Duration snapshotInterval,
                          @NotNull @DefaultValue("400d") Duration historyRetention) {
        public Posture {
            firewallDatasets = firewallDatasets == null ? List.of() : List.copyOf(firewallDatasets);
            antivirusDatasets = antivirusDatasets == null ? List.of() : List.copyOf(antivirusDatasets);
            positive("retry-backoff", retryBackoff);
            positive("firewall-silent-after", firewallSilentAfter);
            positive("signature-max-age", signatureMaxAge);
            positive("backup-max-age", backupMaxAge);
            positive("agent-offline-after", agentOfflineAfter);
            positive("workstation-lookback", workstationLookback);
            if (snapshotInterval != null && snapshotInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("snapshot-interval must be at least 1s, was " + snapshotInterval);
            }
            if (snapshotInterval != null && historyRetention != null && historyRetention.compareTo(snapshotInterval) < 0) {
                throw new IllegalArgumentException("history-retention (" + historyRetention
                        + ") must not be shorter than snapshot-interval (" + snapshotInterval + ")");
            }
        }

        private static void positive(String key, Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException(key + " must be positive, was " + value);
            }
        }
    }
}
