package com.ramparts.detection.ioc;

import com.ramparts.detection.compile.NetworkTrie;
import com.ramparts.detection.modifier.Networks;
import com.ramparts.telemetry.event.FieldValue;
import com.ramparts.telemetry.event.Fields;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Indicators compiled for matching every event: one hash map per kind of value (addresses, domains,
 * URLs, hashes, e-mail) and the rule engine's {@link NetworkTrie} for CIDR networks, so the cost
 * per event depends on how many of its fields carry such values, not on how many indicators are
 * loaded. A domain is looked up with each of its parent domains (a feed's {@code evil.example}
 * matches {@code cdn.evil.example}). An indicator matches only events whose {@code @timestamp} lies
 * in its validity, so a replay gives the same hits. Hits come in field-name order. Immutable and
 * thread-safe: build a new one to reload, and swap it in.
 */
public final class IndicatorSet {

    public static final IndicatorSet EMPTY = of(List.of());

    private final Indicator[] indicators;
    private final Map<String, int[]> addresses = new HashMap<>();
    private final Map<String, int[]> domains = new HashMap<>();
    private final Map<String, int[]> urls = new HashMap<>();
    private final Map<String, int[]> hashes = new HashMap<>();
    private final Map<String, int[]> emails = new HashMap<>();
    private final NetworkTrie networks;
    private final boolean anyNetwork;

    private IndicatorSet(Indicator[] indicators) {
        this.indicators = indicators;
        NetworkTrie.Builder trie = NetworkTrie.builder();
        boolean network = false;
        for (int i = 0; i < indicators.length; i++) {
            Indicator indicator = indicators[i];
            Map<String, int[]> map = switch (indicator.type()) {
                case ADDRESS -> addresses;
                case DOMAIN -> domains;
                case URL -> urls;
                case MD5, SHA1, SHA256 -> hashes;
                case EMAIL -> emails;
            };
            if (indicator.type() == IndicatorType.ADDRESS && IndicatorValues.prefixOf(indicator.value()) >= 0) {
                String value = indicator.value();
                int slash = value.indexOf('/');
                trie.add(Networks.address(value.substring(0, slash)), IndicatorValues.prefixOf(value), i);
                network = true;
            } else {
                file(map, indicator.value(), i);
            }
        }
        this.networks = trie.build();
        this.anyNetwork = network;
    }

    /** Indicators in normal form ({@link IndicatorValues}), as the readers produce them. */
    public static IndicatorSet of(Collection<Indicator> indicators) {
        return new IndicatorSet(indicators.toArray(Indicator[]::new));
    }

    private static void file(Map<String, int[]> map, String key, int ordinal) {
        int[] before = map.get(key);
        if (before == null) {
            map.put(key, new int[] {ordinal});
        } else {
            int[] after = Arrays.copyOf(before, before.length + 1);
            after[before.length] = ordinal;
            map.put(key, after);
        }
    }

    /** The indicators the event carries and that are valid at its time; one hit per indicator, in field order. */
    public List<IndicatorHit> match(TelemetryEvent event) {
        if (indicators.length == 0) {
            return List.of();
        }
        // one pass over the fields the event has (a dozen or two) rather than a lookup per field we know
        Hits hits = null;
        Fields fields = event.fields();
        List<String> names = fields.names();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            IocFields.Field field = IocFields.BY_NAME.get(name);
            if (field == null || !has(field.kind())) {
                continue;
            }
            if (hits == null) {
                hits = new Hits(event.timestamp());
            }
            FieldValue value = fields.get(name);
            if (value instanceof FieldValue.StringValue s) {
                lookup(fields, field, s.value(), hits);
            } else if (value instanceof FieldValue.StringList list) {
                for (String text : list.values()) {
                    lookup(fields, field, text, hits);
                }
            }
        }
        return hits == null || hits.list == null ? List.of() : hits.list;
    }

    private boolean has(IocFields.Kind kind) {
        return switch (kind) {
            case ADDRESS -> !addresses.isEmpty() || anyNetwork;
            case DOMAIN -> !domains.isEmpty();
            case URL -> !urls.isEmpty();
            case HASH -> !hashes.isEmpty();
            case EMAIL -> !emails.isEmpty();
        };
    }

    private void lookup(Fields fields, IocFields.Field field, String text, Hits hits) {
        switch (field.kind()) {
            case ADDRESS -> address(field, text, hits);
            case DOMAIN -> domain(field, text, hits);
            case URL -> url(fields, field, text, hits);
            case HASH -> lookup(hashes, IndicatorValues.hash(text), field, text, hits);
            case EMAIL -> lookup(emails, IndicatorValues.email(text), field, text, hits);
        }
    }

    private void address(IocFields.Field field, String text, Hits hits) {
        byte[] address = Networks.address(text);
        if (address == null) {
            return;
        }
        if (!addresses.isEmpty()) {
            String key = IndicatorValues.isCanonicalIpv4(text) ? text : IndicatorValues.addressKey(address);
            lookup(addresses, key, field, text, hits);
        }
        if (anyNetwork) {
            networks.visit(address, ordinal -> hits.offer(indicators[ordinal], field, text));
        }
    }

    private void domain(IocFields.Field field, String text, Hits hits) {
        String name = IndicatorValues.domain(text);
        if (name == null) {
            return;
        }
        lookup(domains, name, field, text, hits);
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            String parent = name.substring(dot + 1);
            if (parent.indexOf('.') < 0) {
                return; // a top-level domain is never an indicator
            }
            lookup(domains, parent, field, text, hits);
        }
    }

    private void url(Fields fields, IocFields.Field field, String text, Hits hits) {
        String url = text;
        if (text.startsWith("/")) {
            if (!(fields.get(IocFields.URL_DOMAIN) instanceof FieldValue.StringValue host)) {
                return;
            }
            String suffix = fields.get(IocFields.URL_PORT) instanceof FieldValue.LongValue p && p.value() != 80
                    && p.value() != 443 ? ":" + p.value() : "";
            url = host.value() + suffix + text;
        }
        lookup(urls, IndicatorValues.url(url), field, text, hits);
    }

    private void lookup(Map<String, int[]> map, String key, IocFields.Field field, String text, Hits hits) {
        if (key == null) {
            return;
        }
        int[] ordinals = map.get(key);
        if (ordinals != null) {
            for (int ordinal : ordinals) {
                hits.offer(indicators[ordinal], field, text);
            }
        }
    }

    /**
     * The hits of one event: each indicator once, and only when valid at the event's time. Fields
     * are visited in name order; a hit keeps the most specific field it was found in
     * ({@code source.ip} rather than {@code related.ip}).
     */
    private static final class Hits {
        private final Instant time;
        private List<IndicatorHit> list;
        private List<Integer> ranks;

        Hits(Instant time) {
            this.time = time;
        }

        void offer(Indicator indicator, IocFields.Field field, String observed) {
            if (!indicator.validAt(time)) {
                return;
            }
            if (list == null) {
                list = new ArrayList<>(2);
                ranks = new ArrayList<>(2);
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).indicator() == indicator) {
                    if (field.rank() < ranks.get(i)) {
                        list.set(i, new IndicatorHit(indicator, field.name(), observed));
                        ranks.set(i, field.rank());
                    }
                    return;
                }
            }
            list.add(new IndicatorHit(indicator, field.name(), observed));
            ranks.add(field.rank());
        }
    }

    public int size() {
        return indicators.length;
    }

    public List<Indicator> indicators() {
        return List.of(indicators);
    }

    /** How many indicators each feed has, by feed name. */
    public Map<String, Integer> countByFeed() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Indicator indicator : indicators) {
            counts.merge(indicator.feed(), 1, Integer::sum);
        }
        return counts;
    }
}
