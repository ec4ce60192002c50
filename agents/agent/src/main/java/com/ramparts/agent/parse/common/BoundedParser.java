package com.ramparts.agent.parse.common;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.telemetry.event.InvalidEventException;
import com.ramparts.telemetry.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;

/**
 * The frame of every parser: refuses records beyond {@link #MAX_RECORD_CHARS}, collects the drafts of
 * one record and hands them on only when the whole record parsed, so a record is either all events or
 * one {@link ParseException} — never half of each. Marks drafts of records the input truncated.
 */
public abstract class BoundedParser implements RecordParser {

    /** soc reads back at most this many characters of {@code event.original} (TelemetryLimits' default). */
    public static final int MAX_RECORD_CHARS = 262_144;

    /** The tag on events whose record the input cut to its length limit. */
    public static final String TRUNCATED_TAG = "truncated";

    @Override
    public final void parse(RawRecord record, Consumer<TelemetryEvent.Builder> drafts) throws ParseException {
        int length = record.text().length();
        if (length > MAX_RECORD_CHARS) {
            throw new ParseException("the record is " + length + " characters long; " + format()
                    + " records are parsed up to " + MAX_RECORD_CHARS + " characters"
                    + (record.truncated() ? " (and the input had already truncated it)" : ""));
        }
        List<Draft> out = new ArrayList<>(2);
        try {
            parse(record, out);
        } catch (InvalidEventException e) {
            throw new ParseException("a value cannot be stored: " + e.getMessage());
        } catch (JacksonException e) {
            throw Json.failure(e, record.truncated());
        }
        for (Draft draft : out) {
            if (record.truncated()) {
                draft.tag(TRUNCATED_TAG);
            }
            drafts.accept(draft.builder());
        }
    }

    /**
     * Parses one record whose length is within bounds, adding its drafts to {@code out}.
     *
     * @throws ParseException naming what was expected and what was found
     */
    protected abstract void parse(RawRecord record, List<Draft> out) throws ParseException;
}
