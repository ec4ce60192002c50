package com.ramparts.agent.parse.clamav;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * freshclam's log ({@code UpdateLogFile}) and ClamAV's version line. A database that is updated or
 * up to date is a state event carrying its version; {@code ClamAV 1.4.6/27100/Sun Nov 22 08:30:00 2026}
 * (from {@code freshclam -V}, {@code clamscan -V} or clamd's VERSION) is a metric carrying the
 * signature age, which is what the SOC's antivirus posture is measured on.
 */
public final class FreshclamLogParser extends BoundedParser {

    public static final String FORMAT = "clamav-freshclam";

    private static final Pattern DATABASE = Pattern.compile(
            "([a-z0-9_-]{1,32})\\.(cvd|cld|cud) (updated|database is up-to-date|database is up to date) \\(version: ([0-9]{1,12}),"
                    + " sigs: ([0-9]{1,12}), f-level: ([0-9]{1,6}), builder: ([^)]{0,64})\\)");
    private static final Pattern UPDATED = Pattern.compile(
            "Database updated \\(([0-9]{1,12}) signatures\\) from (\\S{1,255})(?: \\(IP: ([0-9a-fA-F.:]{2,45})\\))?");
    private static final Pattern VERSION = Pattern.compile(
            "ClamAV ([0-9][0-9A-Za-z.+~-]{0,40})/([0-9]{1,12})/(.{24})");

    private final ZoneId zone;

    public FreshclamLogParser(ZoneId zone) {
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
        if (text.chars().allMatch(c -> c == '-')) {
            return; // freshclam's separator line
        }
        Draft draft = ClamavLine.draft(line.timestamp(), record.text(), "clamav.freshclam");
        Matcher database = DATABASE.matcher(text);
        Matcher updated = UPDATED.matcher(text);
        Matcher version = VERSION.matcher(text);
        String[] level = ClamavLine.level(text);
        if (version.matches()) {
            signatureAge(version, record.receivedAt(), draft);
        } else if (level != null) {
            ClamavLine.problem(draft, level, level[0].equals("error") ? "update-error" : "update-warning");
        } else if (database.find()) {
            boolean changed = database.group(3).equals("updated");
            draft.classify("state", ClamavLine.MALWARE, List.of(changed ? "change" : "info"));
            draft.put("event.action", changed ? "database-updated" : "database-up-to-date");
            draft.put("event.outcome", "success");
            draft.put("clamav.database.name", database.group(1));
            draft.put("clamav.database.version", Long.parseLong(database.group(4)));
            draft.put("clamav.database.signatures", Long.parseLong(database.group(5)));
            draft.put("clamav.database.f_level", Long.parseLong(database.group(6)));
            draft.put("clamav.database.builder", database.group(7));
        } else if (updated.find()) {
            draft.classify("state", ClamavLine.MALWARE, List.of("change"));
            draft.put("event.action", "update-completed");
            draft.put("event.outcome", "success");
            draft.put("clamav.database.signatures", Long.parseLong(updated.group(1)));
            draft.put("clamav.update.mirror", updated.group(2));
            if (updated.group(3) != null) {
                draft.putIp("server.ip", updated.group(3));
            }
        } else if (text.startsWith("ClamAV update process started")) {
            draft.classify("event", ClamavLine.MALWARE, List.of("start"));
            draft.put("event.action", "update-started");
        } else {
            draft.classify("event", ClamavLine.MALWARE, List.of("info"));
            draft.put("event.action", "update-message");
        }
        draft.put("message", text);
        out.add(draft);
    }

    private void signatureAge(Matcher version, Instant receivedAt, Draft draft) throws ParseException {
        Instant published = Timestamps.ctime(version.group(3), zone);
        long age = Math.max(0, Duration.between(published, receivedAt).getSeconds());
        draft.timestamp(receivedAt);
        draft.classify("metric", ClamavLine.MALWARE, List.of("info"));
        draft.put("event.action", "signature-age");
        draft.put("observer.version", version.group(1));
        draft.put("clamav.database.version", Long.parseLong(version.group(2)));
        draft.put("clamav.database.published", published.toString());
        draft.put("clamav.database.age_seconds", age);
    }
}
