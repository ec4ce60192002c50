package com.ramparts.agent.parse.clamav;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** clamd's log ({@code LogFile}, {@code LogTime yes}): one line, at most one draft. */
public final class ClamdLogParser extends BoundedParser {

    public static final String FORMAT = "clamav-clamd";

    private static final Pattern SIGNATURES = Pattern.compile("(?:Database correctly reloaded \\(|Loaded )([0-9]{1,12}) signatures");
    private static final Pattern VERSION = Pattern.compile("clamd daemon ([0-9][0-9A-Za-z.+~-]{0,40})");

    private final ZoneId zone;

    public ClamdLogParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        if (record.text().isBlank()) {
            return;
        }
        ClamavLine line = ClamavLine.parse(record.text(), zone, record.receivedAt());
        String text = line.text();
        if (isChatter(text)) {
            return;
        }
        Draft draft = ClamavLine.draft(line.timestamp(), record.text(), "clamav.clamd");
        String[] level = ClamavLine.level(text);
        ClamavLine.ScanResult result = level == null ? ClamavLine.scanResult(text) : null;
        if (level != null) {
            ClamavLine.problem(draft, level, "daemon-error");
        } else if (result != null) {
            result.describe(draft);
        } else {
            daemon(text, draft);
        }
        out.add(draft);
    }

    /** Lines that repeat clamd's configuration at every start; nobody searches for them. */
    private static boolean isChatter(String text) {
        return text.startsWith("Limits: ") || text.endsWith(" support enabled.") || text.endsWith(" detection disabled.")
                || text.endsWith(" detection enabled.") || text.equals("Heuristic alerts enabled.")
                || text.startsWith("LOCAL: ") || text.startsWith("TCP: ") || text.startsWith("Received ")
                || text.startsWith("Log file size limited") || text.startsWith("Bytecode: ")
                || text.startsWith("Not loading PUA") || text.startsWith("Self checking every ")
                || text.equals("Activating the newly loaded database...") || text.equals("Pid file removed.")
                || text.equals("Socket file removed.") || text.startsWith("Reading databases from ");
    }

    private static void daemon(String text, Draft draft) {
        Matcher signatures = SIGNATURES.matcher(text);
        Matcher version = VERSION.matcher(text);
        if (text.startsWith("SelfCheck: Database status OK")) {
            state(draft, "self-check", "success");
        } else if (text.startsWith("SelfCheck: Database modification detected")) {
            draft.classify("event", ClamavLine.MALWARE, List.of("change"));
            draft.put("event.action", "database-reload");
        } else if (text.startsWith("SelfCheck: ")) {
            draft.classify("event", ClamavLine.MALWARE, List.of("error"));
            draft.put("event.action", "self-check");
            draft.put("event.outcome", "failure");
            draft.put("error.message", text.substring(11));
        } else if (signatures.find()) {
            state(draft, text.startsWith("Loaded") ? "database-loaded" : "database-reloaded", "success");
            draft.put("clamav.database.signatures", Long.parseLong(signatures.group(1)));
        } else if (text.startsWith("+++ Started")) {
            draft.classify("event", List.of("process"), List.of("start"));
            draft.put("event.action", "daemon-started");
        } else if (text.startsWith("--- Stopped")) {
            draft.classify("event", List.of("process"), List.of("end"));
            draft.put("event.action", "daemon-stopped");
        } else if (version.find()) {
            state(draft, "daemon-version", null);
            draft.put("observer.version", version.group(1));
        } else {
            draft.classify("event", ClamavLine.MALWARE, List.of("info"));
            draft.put("event.action", "daemon-message");
        }
        draft.put("message", text);
    }

    private static void state(Draft draft, String action, String outcome) {
        draft.classify("state", ClamavLine.MALWARE, List.of("info"));
        draft.put("event.action", action);
        draft.put("event.outcome", outcome);
    }
}
