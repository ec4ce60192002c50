package com.ramparts.soc.web.events;

import com.ramparts.soc.index.EventMapping.MappedType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search box's language: what it understands, and the message for everything it refuses. */
class EventQueryParserTest {

    private final EventQueryParser parser = new EventQueryParser(512);

    @Test
    void wordsPhrasesFieldsPrefixesAndExclusionsAreUnderstood() {
        List<SearchClause> clauses = parser.parse(
                "nmap \"port scan\" rule.name:\"ET SCAN Nmap\" host.name:ward* -event.kind:metric source.ip:10.20.0.0/16 destination.port:443");
        assertThat(clauses).containsExactly(
                new SearchClause.FreeText("nmap", false, false),
                new SearchClause.FreeText("port scan", true, false),
                new SearchClause.FieldMatch("rule.name", MappedType.KEYWORD, "ET SCAN Nmap", false, false),
                new SearchClause.FieldMatch("host.name", MappedType.KEYWORD, "ward", true, false),
                new SearchClause.FieldMatch("event.kind", MappedType.KEYWORD, "metric", false, true),
                new SearchClause.FieldMatch("source.ip", MappedType.IP, "10.20.0.0/16", false, false),
                new SearchClause.FieldMatch("destination.port", MappedType.LONG, "443", false, false));
    }

    @Test
    void anEmptySearchMatchesEverything() {
        assertThat(parser.parse("   ")).isEmpty();
        assertThat(parser.parse(null)).isEmpty();
    }

    @Test
    void aValueMayContainColonsAfterTheFirst() {
        assertThat(parser.parse("url.original:http://example.vn/a")).containsExactly(
                new SearchClause.FieldMatch("url.original", MappedType.KEYWORD, "http://example.vn/a", false, false));
    }

    @Test
    void anOversizedSearchIsRefusedBeforeAnythingElse() {
        assertThatThrownBy(() -> parser.parse("a".repeat(513)))
                .isInstanceOf(BadSearchException.class).hasMessage("search.error.tooLong");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"query\":{\"match_all\":{}}}                | search.error.syntax",
            "rule.name:x) OR (ramparts.unit_id:unit-b      | search.error.syntax",
            "source.ip:[10.0.0.0 TO 10.255.255.255]        | search.error.syntax",
            "ramparts.unit_id:unit-b\\                     | search.error.syntax",
            "nmap~2                                        | search.error.syntax",
            "secret.field:1                                | search.error.unknownField",
            "_source:x                                     | search.error.unknownField",
            "event.original:nmap                           | search.error.notSearchable",
            "@timestamp:2026                               | search.error.useTimeRange",
            "destination.port:https                        | search.error.notANumber",
            "source.ip:not-an-ip                           | search.error.notAnIp",
            "source.ip:10.0.0.999                          | search.error.notAnIp",
            "tls.established:yes                           | search.error.notABoolean",
            "rule.name:\"unterminated                      | search.error.unterminatedQuote",
            "ab\"cd                                        | search.error.strayQuote",
            "nm*ap                                         | search.error.wildcardFreeText",
            "rule.name:*Nmap                               | search.error.wildcardPosition",
            "source.ip:10.*                                | search.error.prefixNotAllowed",
            ":value                                        | search.error.emptyField",
            "rule.name:                                    | search.error.emptyValue",
            "\"\"                                          | search.error.emptyPhrase",
    })
    void badInputIsRefusedWithTheRuleItBroke(String query, String rule) {
        assertThatThrownBy(() -> parser.parse(query)).isInstanceOf(BadSearchException.class).hasMessage(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nmap\u0000", "a\u001b[31m"})
    void controlCharactersAreRefused(String query) {
        assertThatThrownBy(() -> parser.parse(query)).isInstanceOf(BadSearchException.class).hasMessage("search.error.controlCharacter");
    }

    @Test
    void tooManyTermsAreRefused() {
        assertThatThrownBy(() -> parser.parse("a ".repeat(EventQueryParser.MAX_CLAUSES + 1)))
                .isInstanceOf(BadSearchException.class).hasMessage("search.error.tooManyTerms");
    }

    @Test
    void anOverlongValueIsRefused() {
        assertThatThrownBy(() -> new EventQueryParser(4096).parse("rule.name:" + "x".repeat(EventQueryParser.MAX_VALUE_LENGTH + 1)))
                .isInstanceOf(BadSearchException.class).hasMessage("search.error.valueTooLong");
    }

    @Test
    void theArgumentsNameTheOffendingInput() {
        assertThatThrownBy(() -> parser.parse("secret.field:1"))
                .isInstanceOfSatisfying(BadSearchException.class, e -> assertThat(e.arguments()).containsExactly("secret.field"));
    }
}
