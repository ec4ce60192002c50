package com.ramparts.agent.testing;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.telemetry.event.Ecs;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.function.Consumer;

/**
 * A test-only parser: each record becomes one event with the text as {@code message} and
 * {@code event.original}. Records starting with {@code fail:} are refused, records starting with
 * {@code boom:} make the parser throw (a parser bug), and {@code two:} gives two events.
 */
public final class LineParser implements RecordParser {

    public static final String FORMAT = "test-lines";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void parse(RawRecord record, Consumer<TelemetryEvent.Builder> drafts) throws ParseException {
        String text = record.text();
        if (text.startsWith("fail:")) {
            throw new ParseException("test parser refuses lines starting with fail:");
        }
        if (text.startsWith("boom:")) {
            throw new IllegalStateException("test parser bug");
        }
        int count = text.startsWith("two:") ? 2 : 1;
        for (int i = 0; i < count; i++) {
            drafts.accept(TelemetryEvent.builder()
                    .timestamp(record.receivedAt())
                    .original(text)
                    .put(Ecs.EVENT_KIND, Ecs.Kind.EVENT)
                    .put(Ecs.MESSAGE, text));
        }
    }

    /** The lookup an agent under test uses: this parser for its format, nothing else. */
    public static RecordParser lookup(String format) {
        return FORMAT.equals(format) ? new LineParser() : null;
    }
}
