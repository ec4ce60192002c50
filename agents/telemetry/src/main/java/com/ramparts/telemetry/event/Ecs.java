package com.ramparts.telemetry.event;

import static java.util.Map.entry;

import com.ramparts.telemetry.event.FieldValue.BooleanValue;
import com.ramparts.telemetry.event.FieldValue.DoubleValue;
import com.ramparts.telemetry.event.FieldValue.LongValue;
import com.ramparts.telemetry.event.FieldValue.StringList;
import com.ramparts.telemetry.event.FieldValue.StringValue;
import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.util.Map;
import java.util.Set;

/**
 * The Elastic Common Schema names Ramparts uses, their types, and the {@code ramparts.*} namespace.
 * Names declared here are type-checked when they enter {@link Fields} (so {@code source.port} is
 * always a number and OpenSearch never meets a mapping conflict); any other valid ECS name is
 * accepted with any value.
 */
public final class Ecs {

    private Ecs() {
    }

    // The typed core of TelemetryEvent.
    public static final String TIMESTAMP = "@timestamp";
    public static final String EVENT_ORIGINAL = "event.original";
    public static final String RAMPARTS = "ramparts";
    public static final String RAMPARTS_EVENT_ID = "ramparts.event_id";
    public static final String RAMPARTS_SITE_ID = "ramparts.site_id";
    public static final String RAMPARTS_UNIT_ID = "ramparts.unit_id";
    public static final String RAMPARTS_AGENT_ID = "ramparts.agent_id";
    public static final String RAMPARTS_INPUT_ID = "ramparts.input_id";
    public static final String RAMPARTS_SEQUENCE = "ramparts.sequence";
    public static final String RAMPARTS_EXERCISE_ID = "ramparts.exercise_id";

    public static final String EVENT_KIND = "event.kind";
    public static final String EVENT_CATEGORY = "event.category";
    public static final String EVENT_TYPE = "event.type";
    public static final String EVENT_ACTION = "event.action";
    public static final String EVENT_OUTCOME = "event.outcome";
    public static final String EVENT_DATASET = "event.dataset";
    public static final String EVENT_MODULE = "event.module";
    public static final String EVENT_SEVERITY = "event.severity";
    public static final String EVENT_RISK_SCORE = "event.risk_score";
    public static final String EVENT_DURATION = "event.duration";
    public static final String EVENT_CREATED = "event.created";
    public static final String EVENT_INGESTED = "event.ingested";
    public static final String EVENT_CODE = "event.code";
    public static final String MESSAGE = "message";
    public static final String TAGS = "tags";

    public static final String SOURCE_IP = "source.ip";
    public static final String SOURCE_PORT = "source.port";
    public static final String SOURCE_BYTES = "source.bytes";
    public static final String SOURCE_PACKETS = "source.packets";
    public static final String DESTINATION_IP = "destination.ip";
    public static final String DESTINATION_PORT = "destination.port";
    public static final String DESTINATION_BYTES = "destination.bytes";
    public static final String DESTINATION_PACKETS = "destination.packets";
    public static final String NETWORK_TRANSPORT = "network.transport";
    public static final String NETWORK_PROTOCOL = "network.protocol";
    public static final String NETWORK_DIRECTION = "network.direction";
    public static final String NETWORK_COMMUNITY_ID = "network.community_id";

    public static final String RULE_ID = "rule.id";
    public static final String RULE_NAME = "rule.name";
    public static final String RULE_CATEGORY = "rule.category";

    public static final String HOST_NAME = "host.name";
    public static final String OBSERVER_VENDOR = "observer.vendor";
    public static final String OBSERVER_PRODUCT = "observer.product";
    public static final String OBSERVER_TYPE = "observer.type";
    public static final String OBSERVER_NAME = "observer.name";
    public static final String USER_NAME = "user.name";

    public static final String FILE_PATH = "file.path";
    public static final String FILE_NAME = "file.name";
    public static final String FILE_SIZE = "file.size";
    public static final String FILE_HASH_SHA256 = "file.hash.sha256";
    public static final String PROCESS_NAME = "process.name";
    public static final String PROCESS_PID = "process.pid";
    public static final String PROCESS_COMMAND_LINE = "process.command_line";

    public static final String URL_ORIGINAL = "url.original";
    public static final String URL_DOMAIN = "url.domain";
    public static final String HTTP_REQUEST_METHOD = "http.request.method";
    public static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
    public static final String USER_AGENT_ORIGINAL = "user_agent.original";
    public static final String DNS_QUESTION_NAME = "dns.question.name";
    public static final String DNS_QUESTION_TYPE = "dns.question.type";
    public static final String TLS_VERSION = "tls.version";
    public static final String TLS_ESTABLISHED = "tls.established";
    public static final String TLS_SERVER_X509_SUBJECT_COMMON_NAME = "tls.server.x509.subject.common_name";
    public static final String TLS_SERVER_X509_ISSUER_COMMON_NAME = "tls.server.x509.issuer.common_name";
    public static final String TLS_SERVER_X509_SERIAL_NUMBER = "tls.server.x509.serial_number";
    public static final String TLS_SERVER_X509_NOT_AFTER = "tls.server.x509.not_after";

    public static final String RELATED_IP = "related.ip";
    public static final String RELATED_HOSTS = "related.hosts";
    public static final String RELATED_USER = "related.user";
    public static final String RELATED_HASH = "related.hash";

    /** The allowed values of {@code event.kind}: ECS's, with {@code alert} and {@code signal} used by soc. */
    public static final class Kind {
        private Kind() {
        }

        public static final String EVENT = "event";
        public static final String ALERT = "alert";
        public static final String METRIC = "metric";
        public static final String STATE = "state";
        public static final String PIPELINE_ERROR = "pipeline_error";
        public static final String SIGNAL = "signal";

        public static final Set<String> ALL = Set.of(EVENT, ALERT, METRIC, STATE, PIPELINE_ERROR, SIGNAL);
    }

    /** The value types a declared field accepts. */
    public enum Type {
        /** a single string ({@code keyword}, {@code ip}, {@code date} in ISO-8601) */
        KEYWORD("a string"),
        /** a string or a list of strings (ECS arrays) */
        KEYWORDS("a string or a list of strings"),
        /** a whole number */
        LONG("a whole number"),
        /** any number; whole numbers stay whole so they round-trip as written */
        FLOAT("a number"),
        BOOLEAN("true or false");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public boolean accepts(FieldValue value) {
            return switch (this) {
                case KEYWORD -> value instanceof StringValue;
                case KEYWORDS -> value instanceof StringValue || value instanceof StringList;
                case LONG -> value instanceof LongValue;
                case FLOAT -> value instanceof LongValue || value instanceof DoubleValue;
                case BOOLEAN -> value instanceof BooleanValue;
            };
        }
    }

    private static final Map<String, Type> TYPES = Map.ofEntries(
            entry(EVENT_KIND, Type.KEYWORD), entry(EVENT_CATEGORY, Type.KEYWORDS), entry(EVENT_TYPE, Type.KEYWORDS),
            entry(EVENT_ACTION, Type.KEYWORD), entry(EVENT_OUTCOME, Type.KEYWORD), entry(EVENT_DATASET, Type.KEYWORD),
            entry(EVENT_MODULE, Type.KEYWORD), entry(EVENT_SEVERITY, Type.LONG), entry(EVENT_RISK_SCORE, Type.FLOAT),
            entry(EVENT_DURATION, Type.LONG), entry(EVENT_CREATED, Type.KEYWORD), entry(EVENT_INGESTED, Type.KEYWORD),
            entry(EVENT_CODE, Type.KEYWORD), entry(MESSAGE, Type.KEYWORD), entry(TAGS, Type.KEYWORDS),
            entry(SOURCE_IP, Type.KEYWORD), entry(SOURCE_PORT, Type.LONG), entry(SOURCE_BYTES, Type.LONG),
            entry(SOURCE_PACKETS, Type.LONG), entry(DESTINATION_IP, Type.KEYWORD), entry(DESTINATION_PORT, Type.LONG),
            entry(DESTINATION_BYTES, Type.LONG), entry(DESTINATION_PACKETS, Type.LONG),
            entry(NETWORK_TRANSPORT, Type.KEYWORD), entry(NETWORK_PROTOCOL, Type.KEYWORD),
            entry(NETWORK_DIRECTION, Type.KEYWORD), entry(NETWORK_COMMUNITY_ID, Type.KEYWORD),
            entry(RULE_ID, Type.KEYWORD), entry(RULE_NAME, Type.KEYWORD), entry(RULE_CATEGORY, Type.KEYWORD),
            entry(HOST_NAME, Type.KEYWORD), entry(OBSERVER_VENDOR, Type.KEYWORD), entry(OBSERVER_PRODUCT, Type.KEYWORD),
            entry(OBSERVER_TYPE, Type.KEYWORD), entry(OBSERVER_NAME, Type.KEYWORD), entry(USER_NAME, Type.KEYWORD),
            entry(FILE_PATH, Type.KEYWORD), entry(FILE_NAME, Type.KEYWORD), entry(FILE_SIZE, Type.LONG),
            entry(FILE_HASH_SHA256, Type.KEYWORD), entry(PROCESS_NAME, Type.KEYWORD), entry(PROCESS_PID, Type.LONG),
            entry(PROCESS_COMMAND_LINE, Type.KEYWORD), entry(URL_ORIGINAL, Type.KEYWORD), entry(URL_DOMAIN, Type.KEYWORD),
            entry(HTTP_REQUEST_METHOD, Type.KEYWORD), entry(HTTP_RESPONSE_STATUS_CODE, Type.LONG),
            entry(USER_AGENT_ORIGINAL, Type.KEYWORD), entry(DNS_QUESTION_NAME, Type.KEYWORD),
            entry(DNS_QUESTION_TYPE, Type.KEYWORD), entry(TLS_VERSION, Type.KEYWORD), entry(TLS_ESTABLISHED, Type.BOOLEAN),
            entry(TLS_SERVER_X509_SUBJECT_COMMON_NAME, Type.KEYWORDS),
            entry(TLS_SERVER_X509_ISSUER_COMMON_NAME, Type.KEYWORDS),
            entry(TLS_SERVER_X509_SERIAL_NUMBER, Type.KEYWORD), entry(TLS_SERVER_X509_NOT_AFTER, Type.KEYWORD),
            entry(RELATED_IP, Type.KEYWORDS), entry(RELATED_HOSTS, Type.KEYWORDS), entry(RELATED_USER, Type.KEYWORDS),
            entry(RELATED_HASH, Type.KEYWORDS));

    /** The declared type of a field, or null when the name is not declared here (any value is accepted). */
    public static Type typeOf(String name) {
        return TYPES.get(name);
    }

    /** Applies the declared type and, for {@code event.kind}, the allowed values. */
    static void checkValue(String name, FieldValue value) {
        Type type = TYPES.get(name);
        if (type != null && !type.accepts(value)) {
            throw new InvalidEventException(name, Rule.TYPE,
                    "must be " + type.description() + ", was " + value.describeType());
        }
        if (name.equals(EVENT_KIND) && !Kind.ALL.contains(((StringValue) value).value())) {
            throw new InvalidEventException(name, Rule.VALUE, "must be one of " + Kind.ALL.stream().sorted().toList()
                    + ", was '" + InvalidEventException.shorten(((StringValue) value).value()) + "'");
        }
    }
}
