package com.ramparts.telemetry.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.telemetry.event.InvalidEventException.Rule;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIdTest {

    @Test
    void canonicalFormIsAgentInputAndSequenceJoinedByColons() {
        assertThat(new EventId("agent-w03-01", "suricata-eve", 184467)).hasToString("agent-w03-01:suricata-eve:184467");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b:0", "agent-7:eve:42", "A.b_c-9:x:9223372036854775807"})
    void parseInvertsTheCanonicalForm(String text) {
        assertThat(EventId.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void parseReadsEachPart() {
        assertThat(EventId.parse("agent-7:eve:42")).isEqualTo(new EventId("agent-7", "eve", 42));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "agent", "agent:eve", "agent:eve:", ":eve:1", "agent::1"})
    void parseRefusesMissingParts(String text) {
        assertThatThrownBy(() -> EventId.parse(text))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("ramparts.event_id");
                    assertThat(e.rule()).isEqualTo(Rule.VALUE);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:b:007", "a:b:+1", "a:b:-1", "a:b:1.0", "a:b:1e3", "a:b:c:1", "a:b: 1"})
    void parseAcceptsOnlyACanonicalSequence(String text) {
        assertThatThrownBy(() -> EventId.parse(text))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("sequence must be a non-negative whole number");
    }

    @Test
    void parseRefusesASequenceBeyondLong() {
        assertThatThrownBy(() -> EventId.parse("a:b:9223372036854775808"))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.RANGE));
    }

    @Test
    void parseRefusesTextLongerThanAnyIdWithoutEchoingIt() {
        assertThatThrownBy(() -> EventId.parse("a".repeat(10_000) + ":b:1"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("10004 characters long")
                .hasMessageNotContaining("aaaaaaaaaa");
    }

    @Test
    void parseNamesTheBrokenPart() {
        assertThatThrownBy(() -> EventId.parse("agent 7:eve:1"))
                .hasMessageContaining("ramparts.agent_id")
                .hasMessageContaining("U+0020 at index 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "colon:inside", "ümlaut", "slash/no", "tab\there"})
    void partsAllowOnlySafeAsciiCharacters(String part) {
        assertThatThrownBy(() -> new EventId(part, "eve", 1))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("ramparts.agent_id");
                    assertThat(e.rule()).isEqualTo(Rule.VALUE);
                });
        assertThatThrownBy(() -> new EventId("agent", part, 1))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.field()).isEqualTo("ramparts.input_id"));
    }

    @Test
    void partsAreAtMostSixtyFourCharacters() {
        assertThat(new EventId("a".repeat(64), "b", 0).agentId()).hasSize(64);
        assertThatThrownBy(() -> new EventId("a".repeat(65), "b", 0))
                .hasMessage("ramparts.agent_id: must be 1 to 64 characters long, was 65");
    }

    @Test
    void missingPartsAreRequired() {
        assertThatThrownBy(() -> new EventId(null, "b", 0))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.rule()).isEqualTo(Rule.REQUIRED));
    }

    @Test
    void negativeSequenceIsRefused() {
        assertThatThrownBy(() -> new EventId("a", "b", -1))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("ramparts.sequence");
                    assertThat(e.rule()).isEqualTo(Rule.RANGE);
                });
    }

    @Test
    void longestIdFitsTheOpenSearchIdLimit() {
        String longest = new EventId("a".repeat(64), "b".repeat(64), Long.MAX_VALUE).toString();
        assertThat(longest).hasSize(EventId.MAX_LENGTH);
        assertThat(longest.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
    }
}
