package com.ramparts.agent.parse.clamav;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.SyslogHeader;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A line of a ClamAV log: {@code Sun Nov 22 10:47:34 2026 -> text} with {@code LogTime yes}, a syslog
 * line from {@code LogSyslog yes}, or the bare text; the date is the host's local time.
 *
 * @param timestamp when ClamAV wrote it, or the time the line was read when it carries none
 * @param text      the message after the date
 */
record ClamavLine(Instant timestamp, String text) {

    static final String MODULE = "clamav";
    static final List<String> MALWARE = List.of("malware");

    static ClamavLine parse(String line, ZoneId zone, Instant receivedAt) throws ParseException {
        int arrow = line.indexOf(" -> ");
        if (arrow >= 23 && arrow <= 26 && line.length() > 3 && Character.isUpperCase(line.charAt(0))) {
            return new ClamavLine(Timestamps.ctime(line.substring(0, arrow), zone), line.substring(arrow + 4));
        }
        if (line.startsWith("<") || (line.length() > 15 && Timestamps.month(line.substring(0, 3)) > 0 && line.charAt(3) == ' ')) {
            SyslogHeader header = SyslogHeader.parse(line, zone, receivedAt);
            if (header != null) {
                return new ClamavLine(header.timestamp(), header.message());
            }
        }
        return new ClamavLine(receivedAt, line);
    }

    /** A draft with the ClamAV observer and the given dataset. */
    static Draft draft(Instant timestamp, String original, String dataset) throws ParseException {
        return Draft.at(timestamp, original).source(MODULE, dataset, "Cisco Talos", "ClamAV", "antivirus");
    }

    /**
     * A scan result line {@code <path>: <result>}: a detection ({@code Name FOUND}, with
     * {@code (md5:size)} when ExtendedDetectionInfo is on), {@code OK}, or {@code <reason> ERROR}.
     * Null when the line is not of that shape.
     */
    static ScanResult scanResult(String text) {
        int colon = text.lastIndexOf(": ");
        if (colon <= 0) {
            return null;
        }
        String path = text.substring(0, colon);
        String result = text.substring(colon + 2);
        if (result.endsWith(" FOUND")) {
            String name = result.substring(0, result.length() - 6).trim();
            String md5 = null;
            long size = -1;
            int open = name.lastIndexOf('(');
            if (open > 0 && name.endsWith(")")) {
                String info = name.substring(open + 1, name.length() - 1);
                name = name.substring(0, open);
                int sep = info.lastIndexOf(':');
                if (sep > 0 && info.substring(sep + 1).matches("[0-9]{1,18}")) {
                    md5 = info.substring(0, sep);
                    size = Long.parseLong(info.substring(sep + 1));
                }
            }
            return name.isEmpty() ? null : new ScanResult(path, ScanResult.Verdict.FOUND, name, md5, size);
        }
        if (result.equals("OK")) {
            return new ScanResult(path, ScanResult.Verdict.OK, null, null, -1);
        }
        if (result.endsWith(" ERROR")) {
            return new ScanResult(path, ScanResult.Verdict.ERROR, result.substring(0, result.length() - 6).trim(), null, -1);
        }
        return null;
    }

    /** One file's verdict. */
    record ScanResult(String path, Verdict verdict, String detail, String md5, long size) {
        enum Verdict { FOUND, OK, ERROR }

        void describe(Draft draft) {
            draft.put("file.path", path);
            draft.put("file.name", com.ramparts.agent.parse.common.Texts.baseName(path));
            switch (verdict) {
                case FOUND -> {
                    draft.classify("alert", MALWARE, List.of("info"));
                    draft.put("event.action", "malware-detected");
                    draft.put("rule.name", detail);
                    draft.put("file.hash.md5", md5);
                    if (size >= 0) {
                        draft.put("file.size", size);
                    }
                }
                case OK -> {
                    draft.classify("event", MALWARE, List.of("info"));
                    draft.put("event.action", "file-scanned");
                    draft.put("event.outcome", "success");
                }
                case ERROR -> {
                    draft.classify("event", MALWARE, List.of("error"));
                    draft.put("event.action", "scan-error");
                    draft.put("event.outcome", "failure");
                    draft.put("error.message", detail);
                }
            }
        }
    }

    /** {@code ERROR: ...}, {@code WARNING: ...}, {@code LibClamAV Error: ...}: the level and the message, or null. */
    static String[] level(String text) {
        for (String[] prefix : new String[][] {{"ERROR: ", "error"}, {"WARNING: ", "warning"},
                {"LibClamAV Error: ", "error"}, {"LibClamAV Warning: ", "warning"}}) {
            if (text.startsWith(prefix[0])) {
                return new String[] {prefix[1], text.substring(prefix[0].length()).trim()};
            }
        }
        return null;
    }

    /** An ERROR/WARNING line as an event. */
    static void problem(Draft draft, String[] level, String action) {
        boolean error = level[0].equals("error");
        draft.classify("event", MALWARE, List.of(error ? "error" : "info"));
        draft.put("event.action", action);
        draft.put("log.level", level[0]);
        draft.put("message", level[1]);
        if (error) {
            draft.put("error.message", level[1]);
            draft.put("event.outcome", "failure");
        }
    }
}
