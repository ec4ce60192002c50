package com.ramparts.soc.index;

import com.ramparts.soc.config.SocProperties;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.DynamicTemplate;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.cat.indices.IndicesRecord;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The event indices as a whole: their template, listing, deletion. */
@Component
public class EventIndices {

    /** Longer strings of unknown fields are kept in {@code _source} but not indexed. */
    static final int IGNORE_ABOVE = 1024;

    private final OpenSearchClient client;
    private final SocProperties.OpenSearch settings;

    EventIndices(OpenSearchClient client, SocProperties properties) {
        this.client = client;
        this.settings = properties.openSearch();
    }

    public IndexNames names() {
        return new IndexNames(settings.indexPrefix());
    }

    public String templateName() {
        return settings.indexPrefix() + "template";
    }

    /** Creates or replaces the index template; indices created from now on use it. */
    public void applyTemplate() {
        TypeMapping mapping = mapping();
        try {
            client.indices().putIndexTemplate(t -> t
                    .name(templateName())
                    .indexPatterns(names().pattern())
                    .priority(100)
                    .template(template -> template
                            .settings(s -> s.numberOfShards(settings.shards()).numberOfReplicas(settings.replicas()))
                            .mappings(mapping)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put index template " + templateName() + ": " + e.getMessage(), e);
        }
    }

    /** The mapping: every declared field with its ECS type, other strings as keyword, no date guessing. */
    static TypeMapping mapping() {
        TypeMapping.Builder mapping = new TypeMapping.Builder()
                .dateDetection(false)
                .numericDetection(false)
                .dynamicTemplates(List.of(Map.of("strings_as_keyword", DynamicTemplate.of(d -> d
                        .matchMappingType("string")
                        .mapping(p -> p.keyword(k -> k.ignoreAbove(IGNORE_ABOVE)))))));
        EventMapping.fields().forEach((name, type) -> mapping.properties(name, property(type)));
        return mapping.build();
    }

    private static Property property(EventMapping.MappedType type) {
        return switch (type) {
            case KEYWORD -> Property.of(p -> p.keyword(k -> k.ignoreAbove(IGNORE_ABOVE)));
            case IP -> Property.of(p -> p.ip(ip -> ip));
            case DATE -> Property.of(p -> p.date(d -> d.format("strict_date_optional_time||epoch_millis")));
            case TEXT -> Property.of(p -> p.text(t -> t));
            case LONG -> Property.of(p -> p.long_(l -> l));
            case DOUBLE -> Property.of(p -> p.double_(d -> d));
            case BOOLEAN -> Property.of(p -> p.boolean_(b -> b));
            case STORED_ONLY -> Property.of(p -> p.keyword(k -> k.index(false).docValues(false)));
        };
    }

    /** Every event index (names matching the prefix that {@link IndexNames} can parse). */
    public List<IndexNames.DailyIndex> list() {
        IndexNames names = names();
        try {
            return client.cat().indices(r -> r.index(names.pattern())).valueBody().stream()
                    .map(IndicesRecord::index)
                    .filter(Objects::nonNull)
                    .map(names::parse)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list indices " + names.pattern() + ": " + e.getMessage(), e);
        }
    }

    public void delete(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete index " + index + ": " + e.getMessage(), e);
        }
    }
}
