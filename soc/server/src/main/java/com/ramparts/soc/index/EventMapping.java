package com.ramparts.soc.index;

import com.ramparts.telemetry.event.Ecs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OpenSearch type of every field the telemetry model declares, derived from {@link Ecs#typeOf}
 * so that model and mapping cannot drift. The model knows only JSON-level types (a string, a number);
 * ECS refines some strings into {@code ip}, {@code date} and {@code text}, listed here and checked
 * against the model when this class loads.
 */
public final class EventMapping {

    /** The OpenSearch field types events use. */
    public enum MappedType {
        KEYWORD("keyword"), IP("ip"), DATE("date"), TEXT("text"), LONG("long"), DOUBLE("double"), BOOLEAN("boolean"),
        /** kept in {@code _source} for the analyst, neither searchable nor aggregatable */
        STORED_ONLY("keyword");

        private final String openSearchName;

        MappedType(String openSearchName) {
            this.openSearchName = openSearchName;
        }

        public String openSearchName() {
            return openSearchName;
        }
    }

    private static final Set<String> IPS = Set.of(Ecs.SOURCE_IP, Ecs.DESTINATION_IP, Ecs.RELATED_IP);
    private static final Set<String> DATES = Set.of(Ecs.EVENT_CREATED, Ecs.EVENT_INGESTED, Ecs.TLS_SERVER_X509_NOT_AFTER);
    private static final Set<String> TEXTS = Set.of(Ecs.MESSAGE);

    private static final Map<String, MappedType> FIELDS = build();

    private EventMapping() {
    }

    /** Every declared field by dotted name, the typed core included, sorted. */
    public static Map<String, MappedType> fields() {
        return FIELDS;
    }

    private static Map<String, MappedType> build() {
        Map<String, MappedType> fields = new TreeMap<>();
        fields.put(Ecs.TIMESTAMP, MappedType.DATE);
        fields.put(Ecs.EVENT_ORIGINAL, MappedType.STORED_ONLY);
        for (String id : new String[] {Ecs.RAMPARTS_EVENT_ID, Ecs.RAMPARTS_SITE_ID, Ecs.RAMPARTS_UNIT_ID,
                Ecs.RAMPARTS_AGENT_ID, Ecs.RAMPARTS_INPUT_ID, Ecs.RAMPARTS_EXERCISE_ID}) {
            fields.put(id, MappedType.KEYWORD);
        }
        fields.put(Ecs.RAMPARTS_SEQUENCE, MappedType.LONG);
        for (String name : declaredNames()) {
            Ecs.Type type = Ecs.typeOf(name);
            if (type != null) {
                fields.put(name, mappedType(name, type));
            }
        }
        for (String refined : union(IPS, DATES, TEXTS)) {
            Ecs.Type type = Ecs.typeOf(refined);
            if (type != Ecs.Type.KEYWORD && type != Ecs.Type.KEYWORDS) {
                throw new IllegalStateException("EventMapping refines " + refined
                        + " as a string, but the telemetry model declares it " + type);
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    private static MappedType mappedType(String name, Ecs.Type type) {
        return switch (type) {
            case KEYWORD, KEYWORDS -> IPS.contains(name) ? MappedType.IP
                    : DATES.contains(name) ? MappedType.DATE
                    : TEXTS.contains(name) ? MappedType.TEXT
                    : MappedType.KEYWORD;
            case LONG -> MappedType.LONG;
            case FLOAT -> MappedType.DOUBLE;
            case BOOLEAN -> MappedType.BOOLEAN;
        };
    }

    /** The values of Ecs's public string constants: every name the model knows. Read once. */
    private static Set<String> declaredNames() {
        Set<String> names = new TreeSet<>();
        for (Field field : Ecs.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read Ecs." + field.getName(), e);
                }
            }
        }
        return names;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
