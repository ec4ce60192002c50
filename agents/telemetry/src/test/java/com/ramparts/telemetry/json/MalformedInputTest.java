package com.ramparts.telemetry.json;

import static com.ramparts.telemetry.json.Docs.eventWith;
import static com.ramparts.telemetry.json.Docs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ramparts.telemetry.json.MalformedEventException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a document can be wrong is refused with a reason that names the rule and, where there is one, the field. */
class MalformedInputTest {

    private final TelemetryJson codec = new TelemetryJson();

    private AbstractThrowableAssert<?, ? extends Throwable> refusing(byte[] document, Reason reason) {
        return assertThatThrownBy(() -> codec.read(document))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void refusing(byte[] document, Reason reason, String field, String detail) {
        refusing(document, reason).isInstanceOfSatisfying(MalformedEventException.class, e -> {
            assertThat(e.field()).contains(field);
            assertThat(e.detail()).contains(detail);
            assertThat(e.getMessage()).isEqualTo(reason + " " + field + ": " + e.detail());
        });
    }

    @Test
    void theBaseDocumentOfTheseTestsIsValid() {
        assertThatCode(() -> codec.read(eventWith(""))).doesNotThrowAnyException();
    }

    // --- not JSON, not an object

    @ParameterizedTest
    @ValueSource(strings = {"{'a':nope}", "{'a' 1}", "{'a':1,}", "{a:1}", "{'a':'x\u0001'}", "{'a':01}", "}"})
    void malformedJsonIsRefused(String document) {
        refusing(json(document), Reason.MALFORMED_JSON);
    }

    @Test
    void contentAfterTheEventObjectIsRefused() {
        byte[] one = eventWith("");
        byte[] two = (Docs.text(one) + " " + Docs.text(one)).getBytes(StandardCharsets.UTF_8);
        refusing(two, Reason.MALFORMED_JSON).hasMessageContaining("content follows the event object");
        assertThatCode(() -> codec.read((Docs.text(one) + " \n").getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    @Test
    void truncatedJsonIsRefusedWhereverItIsCut() {
        byte[] whole = eventWith("'source':{'ip':'10.0.0.1','port':443},'event':{'original':'raw line'}");
        for (int length = 1; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> codec.read(cut))
                    .as("cut at %d: %s", length, Docs.text(cut))
                    .isInstanceOfSatisfying(MalformedEventException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
        }
    }

    @Test
    void emptyDocumentIsNotAnObject() {
        refusing(new byte[0], Reason.NOT_AN_OBJECT).hasMessage("NOT_AN_OBJECT: the document is empty");
        refusing(json("  \n "), Reason.NOT_AN_OBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "'event'", "42", "true", "null"})
    void documentMustBeAnObject(String document) {
        refusing(json(document), Reason.NOT_AN_OBJECT).hasMessageStartingWith("NOT_AN_OBJECT: the document must be a JSON object, was ");
    }

    // --- the typed core

    @Test
    void missingTimestampIsRefused() {
        refusing(json("{" + Docs.RAMPARTS + "}"), Reason.MISSING_FIELD, "@timestamp", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"site_id", "agent_id", "input_id", "sequence", "event_id"})
    void missingRampartsIdsAreRefused(String id) {
        String ramparts = Docs.RAMPARTS.replaceAll("'" + id + "':('[^']*'|\\d+),?", "").replace(",}", "}");
        refusing(json("{" + Docs.TIMESTAMP + "," + ramparts + "}"), Reason.MISSING_FIELD, "ramparts." + id, "is required");
    }

    @Test
    void missingRampartsObjectIsRefused() {
        refusing(json("{" + Docs.TIMESTAMP + "}"), Reason.MISSING_FIELD, "ramparts.site_id", "is required");
    }

    @Test
    void eventIdMustMatchItsParts() {
        refusing(json("{" + Docs.TIMESTAMP + "," + Docs.RAMPARTS.replace("agent-7:eve:42", "agent-7:eve:43") + "}"),
                Reason.INVALID_FIELD, "ramparts.event_id",
                "'agent-7:eve:43' does not match agent_id:input_id:sequence, which give 'agent-7:eve:42'");
    }

    @Test
    void invalidIdsAreRefusedNamingTheField() {
        refusing(json("{" + Docs.TIMESTAMP + "," + Docs.RAMPARTS.replace("'site_id':'ward-03'", "'site_id':'ward 03'") + "}"),
                Reason.INVALID_FIELD, "ramparts.site_id", "character U+0020 at index 4 is not allowed");
    }

    @Test
    void unknownRampartsFieldsAreRefused() {
        refusing(eventWith("'ramparts.colour':'red'"), Reason.INVALID_FIELD, "ramparts.colour",
                "is not a field of the ramparts namespace");
        refusing(eventWith("'ramparts.x':{'y':1}"), Reason.INVALID_FIELD, "ramparts.x.y",
                "is not a field of the ramparts namespace");
    }

    // --- wrong types and ranges

    @Test
    void objectWhereAScalarIsExpectedIsRefused() {
        refusing(json("{'@timestamp':{'date':'2026-03-01'}," + Docs.RAMPARTS + "}"),
                Reason.WRONG_TYPE, "@timestamp", "must be an ISO-8601 timestamp string, was an object");
        refusing(json("{" + Docs.TIMESTAMP + "," + Docs.RAMPARTS.replace("'site_id':'ward-03'", "'site_id':{'a':'b'}") + "}"),
                Reason.WRONG_TYPE, "ramparts.site_id", "must be a string, was an object");
        refusing(eventWith("'source':{'port':{'number':443}}"), Reason.WRONG_TYPE, "source.port",
                "must be a whole number, was an object");
        refusing(eventWith("'event':{'original':{'line':'x'}}"), Reason.WRONG_TYPE, "event.original",
                "must be a string, was an object");
    }

    @Test
    void scalarsOfTheWrongTypeAreRefused() {
        refusing(eventWith("'source.port':'443'"), Reason.WRONG_TYPE, "source.port", "must be a whole number, was a string");
        refusing(eventWith("'source.port':443.0"), Reason.WRONG_TYPE, "source.port",
                "must be a whole number, was a floating-point number");
        refusing(eventWith("'source.ip':true"), Reason.WRONG_TYPE, "source.ip", "must be a string, was a boolean");
        refusing(json("{'@timestamp':1772352930123," + Docs.RAMPARTS + "}"), Reason.WRONG_TYPE, "@timestamp",
                "was a whole number");
        refusing(json("{" + Docs.TIMESTAMP + "," + Docs.RAMPARTS.replace("'sequence':42", "'sequence':'42'") + "}"),
                Reason.WRONG_TYPE, "ramparts.sequence", "must be a whole number, was a string");
        refusing(eventWith("'event.original':42"), Reason.WRONG_TYPE, "event.original", "must be a string");
    }

    @Test
    void nullIsRefusedRatherThanGuessed() {
        refusing(eventWith("'host.name':null"), Reason.WRONG_TYPE, "host.name", "is null");
        refusing(eventWith("'related.ip':['10.0.0.1',null]"), Reason.WRONG_TYPE, "related.ip",
                "arrays may hold only strings, found null");
    }

    @Test
    void arraysHoldOnlyStringsAndOnlyWhereAllowed() {
        refusing(eventWith("'labels.ports':[1,2]"), Reason.WRONG_TYPE, "labels.ports",
                "arrays may hold only strings, found a whole number");
        refusing(eventWith("'labels.objects':[{'a':'b'}]"), Reason.WRONG_TYPE, "labels.objects",
                "arrays may hold only strings, found an object");
        refusing(eventWith("'event.kind':['alert']"), Reason.WRONG_TYPE, "event.kind", "must be a string, was an array");
        refusing(json("{'@timestamp':['2026-03-01T08:15:30Z']," + Docs.RAMPARTS + "}"), Reason.WRONG_TYPE,
                "@timestamp", "was an array");
    }

    @Test
    void numbersOutOfRangeAreRefused() {
        refusing(eventWith("'source.bytes':9223372036854775808"), Reason.OUT_OF_RANGE, "source.bytes",
                "beyond the range of a 64-bit whole number");
        refusing(eventWith("'labels.ratio':1e400"), Reason.OUT_OF_RANGE, "labels.ratio",
                "beyond the range of a 64-bit floating-point number");
        refusing(eventWith("'labels.ratio':-1e400"), Reason.OUT_OF_RANGE, "labels.ratio", "floating-point");
        refusing(eventWith("'labels.digits':1" + "0".repeat(500)), Reason.OUT_OF_RANGE, "labels.digits",
                "Number value length");
        refusing(json("{" + Docs.TIMESTAMP + "," + Docs.RAMPARTS.replace("'sequence':42", "'sequence':-42") + "}"),
                Reason.OUT_OF_RANGE, "ramparts.sequence", "must be >= 0, was -42");
        assertThatCode(() -> codec.read(eventWith("'source.bytes':9223372036854775807,'labels.low':-9223372036854775808")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "", "2026-02-30T00:00:00Z", "2026-03-01 08:15:30Z", "2026-03-01T08:15:30",
            "2026-03-01", "+10000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "2026-03-01T25:00:00Z"})
    void invalidTimestampsAreRefused(String timestamp) {
        refusing(json("{'@timestamp':'" + timestamp + "'," + Docs.RAMPARTS + "}"), Reason.INVALID_TIMESTAMP)
                .hasMessageStartingWith("INVALID_TIMESTAMP @timestamp: ");
    }

    @Test
    void overlongTimestampIsRefusedBeforeParsing() {
        refusing(json("{'@timestamp':'" + "9".repeat(10_000) + "'," + Docs.RAMPARTS + "}"), Reason.INVALID_TIMESTAMP,
                "@timestamp", "is 10000 characters long");
    }

    @Test
    void timestampsWithAnOffsetAreNormalisedToUtc() {
        assertThat(codec.read(json("{'@timestamp':'2026-03-02T09:41:17.482913+07:00'," + Docs.RAMPARTS + "}")).timestamp())
                .hasToString("2026-03-02T02:41:17.482913Z");
    }

    // --- encoding and duplicates

    @Test
    void invalidUtf8IsRefused() {
        refusing(withBytes("'host.name':'ids", (byte) 0xff, "'"), Reason.INVALID_UTF8).hasMessageContaining("0xff");
        refusing(withBytes("'host.name':'ids", (byte) 0xc3, "x'"), Reason.INVALID_UTF8);
        refusing(withBytes("'host.name':'ids", (byte) 0xed, (byte) 0xa0, (byte) 0x80, "'"), Reason.INVALID_UTF8)
                .hasMessageContaining("surrogate");
        refusing(withBytes("'labels.", (byte) 0xfe, "':'x'"), Reason.INVALID_UTF8);
    }

    private static byte[] withBytes(String before, Object... rest) {
        StringBuilder text = new StringBuilder(Docs.text(eventWith(before.replace('\'', '"') + "\u0000")));
        int hole = text.indexOf("\u0000");
        byte[] head = text.substring(0, hole).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        for (Object part : rest) {
            if (part instanceof Byte b) {
                out.write(b);
            } else {
                out.writeBytes(((String) part).replace('\'', '"').getBytes(StandardCharsets.UTF_8));
            }
        }
        out.writeBytes(text.substring(hole + 1).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void duplicateKeysAreRefused() {
        refusing(eventWith("'host.name':'a','host.name':'b'"), Reason.DUPLICATE_KEY).hasMessageContaining("host.name");
        refusing(eventWith("'source':{'ip':'a'},'source':{'port':1}"), Reason.DUPLICATE_KEY);
        refusing(eventWith("'source':{'ip':'a'},'source.ip':'b'"), Reason.DUPLICATE_KEY, "source.ip", "is given twice");
        refusing(eventWith("'event':{'original':'a'},'event.original':'b'"), Reason.DUPLICATE_KEY, "event.original",
                "is given twice");
        refusing(eventWith("'ramparts.site_id':'ward-04'"), Reason.DUPLICATE_KEY, "ramparts.site_id", "is given twice");
        refusing(json("{" + Docs.TIMESTAMP + "," + Docs.RAMPARTS + "," + Docs.TIMESTAMP + "}"), Reason.DUPLICATE_KEY);
    }

    // --- names

    @Test
    void invalidFieldNamesAreRefused() {
        refusing(eventWith("'Source':{'IP':'10.0.0.1'}"), Reason.INVALID_FIELD, "Source.IP", "has character 'S' at index 0");
        refusing(eventWith("'source..ip':'x'"), Reason.INVALID_FIELD, "source..ip", "has an empty segment");
        refusing(eventWith("'source':{'':'x'}"), Reason.INVALID_FIELD, "source.", "ends with '.'");
        refusing(eventWith("'event':'x'"), Reason.INVALID_FIELD, "event", "must stay an object");
        refusing(json("{" + Docs.TIMESTAMP + ",'ramparts':'x'}"), Reason.INVALID_FIELD, "ramparts",
                "belongs to the ramparts namespace");
        refusing(eventWith("'source':'x','source.ip':'y'"), Reason.INVALID_FIELD, "source.ip",
                "cannot be set because source already holds a value");
        refusing(eventWith("'labels.x':'y','labels':{'x':{'y':'z'}}"), Reason.INVALID_FIELD,
                "labels.x.y", "labels.x already holds a value");
    }

    @Test
    void unknownEventKindIsRefused() {
        refusing(eventWith("'event':{'kind':'incident'}"), Reason.INVALID_FIELD, "event.kind", "must be one of");
    }

    // --- limits

    @Test
    void oversizedDocumentsAreRefused() {
        TelemetryJson small = new TelemetryJson(TelemetryLimits.DEFAULTS.withMaxDocumentBytes(1_000));
        byte[] atLimit = padTo(1_000);
        byte[] overLimit = padTo(1_001);

        assertThatCode(() -> small.read(atLimit)).doesNotThrowAnyException();
        assertThatCode(() -> small.read(new ByteArrayInputStream(atLimit))).doesNotThrowAnyException();
        assertThatThrownBy(() -> small.read(overLimit))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("TOO_LARGE: the document is 1001 bytes; the limit is 1000");
                });
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(overLimit)))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    @Timeout(10)
    void anEndlessStreamIsCutOffAtTheLimit() {
        InputStream endless = new InputStream() {
            private final byte[] start = "{\"host.name\":\"".getBytes(StandardCharsets.UTF_8);
            private int served;

            @Override
            public int read() {
                return served < start.length ? start[served++] : 'x';
            }
        };
        assertThatThrownBy(() -> codec.read(endless))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    private static byte[] padTo(int size) {
        byte[] base = eventWith("'labels.pad':''");
        String text = Docs.text(base).replace("\"labels.pad\":\"\"", "\"labels.pad\":\"" + "x".repeat(size - base.length) + "\"");
        byte[] padded = text.getBytes(StandardCharsets.UTF_8);
        assertThat(padded).hasSize(size);
        return padded;
    }

    @Test
    @Timeout(10)
    void nestingBombIsRefusedWithReason() {
        int levels = 150_000; // 900 kB, inside the 1 MiB document limit
        byte[] bomb = json("{" + Docs.TIMESTAMP + "," + "'a':{".repeat(levels) + "}".repeat(levels + 1));
        refusing(bomb, Reason.TOO_DEEP).hasMessageContaining("nesting exceeds 16 levels");

        // arrays hold only strings, so an array bomb stops at its second bracket
        byte[] arrayBomb = json("{'a':" + "[".repeat(levels) + "]".repeat(levels) + "}");
        refusing(arrayBomb, Reason.WRONG_TYPE, "a", "arrays may hold only strings, found an array");
        refusing(json("[".repeat(levels) + "]".repeat(levels)), Reason.NOT_AN_OBJECT);
    }

    @Test
    void sixteenLevelsAreAllowedAndSeventeenAreNot() {
        // the root object is level 1, so 15 nested objects reach level 16
        assertThatCode(() -> codec.read(eventWith("'a':" + "{'a':".repeat(14) + "{'b':'leaf'}" + "}".repeat(14))))
                .doesNotThrowAnyException();
        refusing(eventWith("'a':" + "{'a':".repeat(15) + "{'b':'leaf'}" + "}".repeat(15)), Reason.TOO_DEEP,
                "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a", "nesting exceeds 16 levels");
    }

    @Test
    void tooManyFieldsAreRefused() {
        TelemetryJson tight = new TelemetryJson(TelemetryLimits.DEFAULTS.withMaxFields(3));
        assertThatCode(() -> tight.read(eventWith("'f.a':1,'f.b':2,'f.c':3"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> tight.read(eventWith("'f.a':1,'f.b':2,'f.c':3,'f.d':4")))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_FIELDS);
                    assertThat(e.getMessage()).isEqualTo("TOO_MANY_FIELDS f.d: the event has more than 3 fields");
                });
    }

    @Test
    void aThousandFieldsAreAllowedByDefaultButNotOneMore() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            fields.append(i == 0 ? "" : ",").append("'f.n").append(i).append("':").append(i);
        }
        assertThat(codec.read(eventWith(fields.toString())).fields().size()).isEqualTo(1_000);
        refusing(eventWith(fields + ",'f.extra':1"), Reason.TOO_MANY_FIELDS);
    }

    @Test
    void overlongStringsAreRefused() {
        TelemetryJson tight = new TelemetryJson(TelemetryLimits.DEFAULTS.withMaxStringLength(10).withMaxOriginalLength(20));
        assertThatCode(() -> tight.read(eventWith("'host.name':'0123456789','event.original':'" + "o".repeat(20) + "'")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> tight.read(eventWith("'host.name':'0123456789A'")))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STRING_TOO_LONG);
                    assertThat(e.getMessage()).isEqualTo("STRING_TOO_LONG host.name: is 11 characters long; the limit is 10");
                });
        assertThatThrownBy(() -> tight.read(eventWith("'event.original':'" + "o".repeat(21) + "'")))
                .isInstanceOfSatisfying(MalformedEventException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("STRING_TOO_LONG event.original: is 21 characters long; the limit is 20"));
        assertThatThrownBy(() -> tight.read(eventWith("'tags':['ok','0123456789AB']")))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STRING_TOO_LONG));
    }

    @Test
    void overlongOriginalIsRefusedAtTheDefaultLimit() {
        refusing(eventWith("'event.original':'" + "o".repeat(262_145) + "'"), Reason.STRING_TOO_LONG, "event.original",
                "is 262145 characters long; the limit is 262144");
    }

    @Test
    void overlongNamesAreRefused() {
        refusing(eventWith("'labels." + "n".repeat(300) + "':'x'"), Reason.INVALID_FIELD).hasMessageContaining("307 characters long");
    }

    @Test
    void overlongArraysAreRefused() {
        TelemetryJson tight = new TelemetryJson(TelemetryLimits.DEFAULTS.withMaxArrayLength(2));
        assertThatCode(() -> tight.read(eventWith("'related.ip':['a','b']"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> tight.read(eventWith("'related.ip':['a','b','c']")))
                .isInstanceOfSatisfying(MalformedEventException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("ARRAY_TOO_LONG related.ip: has more than 2 elements"));
    }

    // --- the reason itself

    @Test
    void reasonsStayShortEnoughForADeadLetterRecord() {
        String hugeName = "X".repeat(100_000);
        assertThatThrownBy(() -> codec.read(eventWith("'" + hugeName + "':1")))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_FIELD);
                    assertThat(e.getMessage()).hasSizeLessThan(600);
                });
        assertThatThrownBy(() -> codec.read(eventWith("'event':{'kind':'" + "k".repeat(50_000) + "'}")))
                .isInstanceOfSatisfying(MalformedEventException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(600));
    }

    @Test
    void aFailingStreamIsAnIoErrorNotAMalformedEvent() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> codec.read(broken))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset");
    }
}
