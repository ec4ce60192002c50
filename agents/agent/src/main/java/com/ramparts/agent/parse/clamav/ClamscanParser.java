package com.ramparts.agent.parse.clamav;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Numbers;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code clamscan} / {@code clamdscan} output, line by line: a FOUND line is an alert at once; the
 * {@code SCAN SUMMARY} block is collected and becomes one event when its last line ({@code End Date:})
 * arrives. Clean files ({@code OK}, {@code Empty file}) give no draft: the summary counts them.
 */
public final class ClamscanParser extends BoundedParser {

    public static final String FORMAT = "clamav-clamscan";

    static final String SUMMARY_HEADER = "----------- SCAN SUMMARY -----------";
    /** A summary has about a dozen lines; a block that never ends must not grow without bound. */
    private static final int MAX_SUMMARY_LINES = 32;

    private final ZoneId zone;
    private Map<String, String> summary;
    private StringBuilder summaryText;

    public ClamscanParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        if (text.equals(SUMMARY_HEADER)) {
            summary = new LinkedHashMap<>();
            summaryText = new StringBuilder(text);
            return;
        }
        if (summary != null) {
            summaryLine(record, out);
            return;
        }
        if (text.isBlank()) {
            return;
        }
        String[] level = ClamavLine.level(text);
        ClamavLine.ScanResult result = level == null ? ClamavLine.scanResult(text) : null;
        if (result != null && result.verdict() == ClamavLine.ScanResult.Verdict.OK
                || text.endsWith(": Empty file") || text.endsWith(": Symbolic link") || text.endsWith(": Excluded")) {
            return;
        }
        Draft draft = ClamavLine.draft(record.receivedAt(), text, "clamav.clamscan");
        if (level != null) {
            ClamavLine.problem(draft, level, "scan-problem");
        } else if (result != null) {
            result.describe(draft);
        } else if (text.indexOf(": ") > 0) {
            // e.g. "/srv/x: No such file or directory": the scanner's word on one path
            int colon = text.lastIndexOf(": ");
            draft.classify("event", ClamavLine.MALWARE, List.of("error"));
            draft.put("event.action", "scan-problem");
            draft.put("file.path", text.substring(0, colon));
            draft.put("error.message", text.substring(colon + 2));
            draft.put("event.outcome", "failure");
        } else {
            throw new ParseException("not clamscan output: '" + Texts.shorten(text) + "' is neither a '<path>: <result>'"
                    + " line nor part of a SCAN SUMMARY block");
        }
        out.add(draft);
    }

    private void summaryLine(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        summaryText.append('\n').append(text);
        int colon = text.indexOf(':');
        if (colon <= 0 || summary.size() >= MAX_SUMMARY_LINES) {
            summary = null;
            throw new ParseException("SCAN SUMMARY block broken by '" + Texts.shorten(text) + "'; expected 'Key: value'");
        }
        summary.put(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
        if (text.startsWith("End Date:")) {
            Map<String, String> block = summary;
            String original = summaryText.toString();
            summary = null;
            summaryText = null;
            out.add(summaryEvent(block, original, record.receivedAt()));
        }
    }

    private Draft summaryEvent(Map<String, String> block, String original, Instant receivedAt) throws ParseException {
        Instant end = date(block.get("End Date"));
        Instant start = date(block.get("Start Date"));
        Draft draft = ClamavLine.draft(end == null ? receivedAt : end, original, "clamav.clamscan");
        long infected = count(block, "Infected files", "clamav.scan.infected_files", draft);
        long errors = count(block, "Total errors", "clamav.scan.errors", draft);
        count(block, "Known viruses", "clamav.database.signatures", draft);
        count(block, "Scanned directories", "clamav.scan.directories", draft);
        count(block, "Scanned files", "clamav.scan.files", draft);
        draft.classify("event", ClamavLine.MALWARE, List.of("info"));
        draft.put("event.action", "scan-summary");
        draft.put("event.outcome", errors > 0 ? "failure" : "success");
        draft.put("observer.version", block.get("Engine version"));
        megabytes(block.get("Data scanned"), "clamav.scan.data_scanned_mb", draft);
        megabytes(block.get("Data read"), "clamav.scan.data_read_mb", draft);
        if (start != null) {
            draft.put("event.start", start.toString());
        }
        if (end != null) {
            draft.put("event.end", end.toString());
        }
        String time = block.get("Time");
        if (time != null && time.indexOf(" sec") > 0) {
            double seconds = Numbers.decimal("Time", time.substring(0, time.indexOf(" sec")));
            draft.put("event.duration", Math.round(seconds * 1e9));
        }
        draft.put("message", "scan found " + infected + " infected file" + (infected == 1 ? "" : "s"));
        return draft;
    }

    private static long count(Map<String, String> block, String key, String field, Draft draft) throws ParseException {
        String value = block.get(key);
        if (value == null) {
            return 0;
        }
        long number = Numbers.whole(key, value);
        draft.put(field, number);
        return number;
    }

    private static void megabytes(String value, String field, Draft draft) throws ParseException {
        if (value != null && value.indexOf(" MB") > 0) {
            draft.put(field, Numbers.decimal(field, value.substring(0, value.indexOf(" MB"))));
        }
    }

    /** {@code 2026:11:22 10:47:34}, local time. */
    private Instant date(String text) throws ParseException {
        if (text == null) {
            return null;
        }
        if (text.length() != 19 || text.charAt(4) != ':' || text.charAt(7) != ':' || text.charAt(10) != ' ') {
            throw new ParseException("summary date '" + Texts.shorten(text) + "' is not of the form 2026:11:22 10:47:34");
        }
        int[] clock = Timestamps.clock(text.substring(11));
        int year = Timestamps.digits(text, 0, 4);
        int month = Timestamps.digits(text, 5, 7);
        int day = Timestamps.digits(text, 8, 10);
        if (clock == null || year < 0 || month < 0 || day < 0) {
            throw new ParseException("summary date '" + Texts.shorten(text) + "' is not of the form 2026:11:22 10:47:34");
        }
        return Timestamps.of(text, year, month, day, clock[0], clock[1], clock[2], 0, zone);
    }
}
