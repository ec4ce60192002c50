package com.ramparts.telemetry.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsTest {

    @Test
    void typedAccessorsReturnValuesOfTheirType() {
        Fields fields = Fields.builder()
                .put("source.ip", "10.0.0.1")
                .put("source.port", 443)
                .put("event.risk_score", 47.5)
                .put("tls.established", true)
                .put("related.ip", List.of("10.0.0.1", "10.0.0.2"))
                .build();

        assertThat(fields.string("source.ip")).contains("10.0.0.1");
        assertThat(fields.longValue("source.port")).hasValue(443);
        assertThat(fields.doubleValue("event.risk_score")).hasValue(47.5);
        assertThat(fields.booleanValue("tls.established")).contains(true);
        assertThat(fields.strings("related.ip")).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(fields.get("source.port")).isEqualTo(FieldValue.of(443L));
    }

    @Test
    void accessorsOfAbsentOrDifferentlyTypedFieldsAreEmpty() {
        Fields fields = Fields.builder().put("source.ip", "10.0.0.1").put("source.port", 443).build();

        assertThat(fields.get("destination.ip")).isNull();
        assertThat(fields.string("destination.ip")).isEmpty();
        assertThat(fields.string("source.port")).isEmpty();
        assertThat(fields.longValue("source.ip")).isEmpty();
        assertThat(fields.booleanValue("source.ip")).isEmpty();
        assertThat(fields.strings("source.port")).isEmpty();
        assertThat(fields.strings("nowhere")).isEmpty();
    }

    @Test
    void numbersWidenToDoubleButNotTheOtherWay() {
        Fields fields = Fields.builder().put("a.whole", 3).put("a.real", 2.5).build();
        assertThat(fields.doubleValue("a.whole")).hasValue(3.0);
        assertThat(fields.longValue("a.real")).isEmpty();
    }

    @Test
    void aSingleStringReadsAsAOneElementList() {
        Fields fields = Fields.builder().put("event.category", "network").build();
        assertThat(fields.strings("event.category")).containsExactly("network");
    }

    @Test
    void namesAreSortedSoThatObjectsGroupTogether() {
        Fields fields = Fields.builder()
                .put("source_x", "c").put("source.port", 1).put("destination.ip", "a").put("source.ip", "b")
                .build();
        assertThat(fields.names()).containsExactly("destination.ip", "source.ip", "source.port", "source_x");
        List<String> visited = new ArrayList<>();
        fields.forEach((name, value) -> visited.add(name));
        assertThat(visited).isEqualTo(fields.names());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "source.ip", "tls.server.x509.subject.common_name", "labels.site_2",
            "suricata.eve.alert.signature_id", "x.y@z", "x.2nd"})
    void acceptsLowercaseDottedEcsNames(String name) {
        assertThatCode(() -> Fields.builder().put(name, "v")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Source.ip", "source..ip", ".source", "source.", "1source", "source ip",
            "source-ip", "sourcé.ip", "@version", "_private", "source.IP"})
    void refusesNamesThatAreNotLowercaseDottedEcs(String name) {
        assertThatThrownBy(() -> Fields.builder().put(name, "v"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.NAME);
                    assertThat(e.field()).isEqualTo(name);
                });
    }

    @Test
    void namesAreAtMost256Characters() {
        String longest = "a." + "b".repeat(254);
        assertThatCode(() -> Fields.builder().put(longest, "v")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Fields.builder().put(longest + "c", "v"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.NAME);
                    assertThat(e.getMessage()).contains("257 characters").hasSizeLessThan(200);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"@timestamp", "event.original", "event.original.text", "event", "ramparts",
            "ramparts.site_id", "ramparts.anything"})
    void refusesNamesOwnedByTheTypedCore(String name) {
        assertThatThrownBy(() -> Fields.builder().put(name, "v"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.RESERVED));
    }

    @Test
    void namesThatMerelyStartLikeReservedOnesAreFine() {
        assertThatCode(() -> Fields.builder().put("event.original_size", 1).put("rampartsx", "v").put("events", "v"))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameCannotBeBothAValueAndAnObject() {
        assertThatThrownBy(() -> Fields.builder().put("source", "x").put("source.ip", "10.0.0.1"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("source.ip: cannot be set because source already holds a value");
                });
        assertThatThrownBy(() -> Fields.builder().put("tls.server.x509.subject.common_name", "a").put("tls.server", "x"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.CONFLICT));
    }

    @Test
    void aDeclaredEcsFieldCannotHoldOtherFields() {
        assertThatThrownBy(() -> Fields.builder().put("source.port.number", 443))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.CONFLICT);
                    assertThat(e.detail()).isEqualTo("cannot be set because source.port is declared as a whole number, not an object");
                });
    }

    @Test
    void eachNameIsSetOnce() {
        assertThatThrownBy(() -> Fields.builder().put("host.name", "a").put("host.name", "b"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.DUPLICATE));
    }

    @Test
    void aRefusedPutLeavesNoTrace() {
        Fields.Builder builder = Fields.builder();
        assertThatThrownBy(() -> builder.put("a.b", Double.NaN)).isInstanceOf(InvalidEventException.class);
        assertThatCode(() -> builder.put("a", 1)).doesNotThrowAnyException();
        assertThat(builder.build().names()).containsExactly("a");
    }

    @Test
    void declaredEcsFieldsKeepTheirTypes() {
        assertThatThrownBy(() -> Fields.builder().put("source.port", "443"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.TYPE);
                    assertThat(e.getMessage()).isEqualTo("source.port: must be a whole number, was a string");
                });
        assertThatThrownBy(() -> Fields.builder().put("source.ip", 167772161L)).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> Fields.builder().put("event.kind", List.of("alert"))).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> Fields.builder().put("tls.established", "yes")).isInstanceOf(InvalidEventException.class);
        assertThatCode(() -> Fields.builder()
                .put("event.category", "network").put("event.type", List.of("connection", "denied"))
                .put("event.risk_score", 21).put("custom.anything", List.of()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"event", "alert", "metric", "state", "pipeline_error", "signal"})
    void eventKindAcceptsTheSixKinds(String kind) {
        assertThat(Fields.builder().put(Ecs.EVENT_KIND, kind).build().string(Ecs.EVENT_KIND)).contains(kind);
        assertThat(Ecs.Kind.ALL).contains(kind).hasSize(6);
    }

    @Test
    void eventKindRefusesOtherValues() {
        assertThatThrownBy(() -> Fields.builder().put(Ecs.EVENT_KIND, "incident"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.rule()).isEqualTo(Rule.VALUE);
                    assertThat(e.getMessage()).contains("'incident'").contains("pipeline_error");
                });
    }

    @Test
    void doublesMustBeFinite() {
        for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> Fields.builder().put("metric.value", value))
                    .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.RANGE));
        }
    }

    @Test
    void listsAreCopiedAndImmutable() {
        List<String> source = new ArrayList<>(List.of("a"));
        Fields fields = Fields.builder().put("related.hosts", source).build();
        source.add("b");
        assertThat(fields.strings("related.hosts")).containsExactly("a");
        assertThatThrownBy(() -> fields.strings("related.hosts").add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fields.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fieldsAreEqualByContentAndToBuilderCopiesThem() {
        Fields one = Fields.builder().put("host.name", "ids-1").put("source.port", 1).build();
        Fields two = Fields.builder().put("source.port", 1).put("host.name", "ids-1").build();
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one.toBuilder().build()).isEqualTo(one);
        assertThat(one.toBuilder().put("user.name", "x").build().size()).isEqualTo(3);
        assertThat(one).hasToString("{host.name=StringValue[value=ids-1], source.port=LongValue[value=1]}");
        assertThat(Fields.EMPTY.isEmpty()).isTrue();
    }
}
