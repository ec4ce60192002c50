package com.ramparts.detection.ioc;

import com.ramparts.detection.rule.Level;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An indicator list as CSV (RFC 4180: comma separated, fields may be quoted with {@code "}, a
 * doubled {@code ""} inside quotes is one quote; a quoted field may not span lines). Lines starting
 * with {@code #} and blank lines are skipped. The first other line is the header; columns may come
 * in any order:
 * <pre>
 * type         required: ip (address or CIDR), domain, url, md5, sha1, sha256, email (STIX/MISP names work too)
 * value        required
 * id           the feed's own id; default feed:type:value
 * level        informational | low | medium | high | critical (default medium)
 * confidence   0-100
 * tlp          clear | green | amber | amber+strict | red (TLP:RED and white work too)
 * valid_from   ISO-8601 instant (2026-11-22T00:00:00Z) or date (2026-11-22, midnight UTC)
 * valid_until  same; the indicator stops matching at that time
 * description  free text
 * </pre>
 * Every bad line is a problem naming file and line; the other lines load.
 */
final class CsvFeedReader {

    static final int MAX_LINE = 65_536;
    /** Where the header map keeps how many columns the header has (no column is named so). */
    private static final String WIDTH = "\0width";
    private static final Set<String> COLUMNS = Set.of("type", "value", "id", "level", "confidence", "tlp", "valid_from",
            "valid_until", "description");

    private CsvFeedReader() {
    }

    static IndicatorFeed read(String feed, String file, String text, int maxIndicators) {
        FeedBuilder out = new FeedBuilder(feed, file, IndicatorFeed.Format.CSV, maxIndicators);
        Map<String, Integer> header = null;
        int lineNumber = 0;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.length() > MAX_LINE) {
                out.problem(lineNumber, "", "the line is " + line.length() + " characters; at most " + MAX_LINE + " are read");
                continue;
            }
            List<String> cells = cells(line);
            if (cells == null) {
                out.problem(lineNumber, "", "a quoted field is not closed on its line (fields may not span lines)");
                continue;
            }
            if (header == null) {
                header = header(cells, lineNumber, out);
                if (header == null) {
                    return out.build();
                }
                continue;
            }
            row(cells, header, lineNumber, out);
        }
        if (header == null) {
            out.problem(1, "", "no header line: the first line must name the columns, e.g. type,value,level,tlp");
        }
        return out.build();
    }

    private static Map<String, Integer> header(List<String> cells, int line, FeedBuilder out) {
        Map<String, Integer> header = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                unknown.add(cells.get(i));
            } else if (header.putIfAbsent(name, i) != null) {
                out.problem(line, "", "the header names column '" + name + "' twice");
                return null;
            }
        }
        if (!header.containsKey("type") || !header.containsKey("value")) {
            out.problem(line, "", "the header must name the columns type and value (it has " + cells + ")");
            return null;
        }
        header.put(WIDTH, cells.size());
        if (!unknown.isEmpty()) {
            out.problem(line, "", "unknown columns " + unknown + " are ignored; known: " + COLUMNS);
        }
        return header;
    }

    private static void row(List<String> cells, Map<String, Integer> header, int line, FeedBuilder out) {
        if (cells.size() > header.get(WIDTH)) {
            out.problem(line, "", cells.size() + " fields, but the header has " + header.get(WIDTH));
            return;
        }
        String typeText = cell(cells, header, "type");
        IndicatorType type = IndicatorType.parse(typeText);
        if (type == null) {
            out.problem(line, "", "unknown type '" + typeText + "'; use ip, domain, url, md5, sha1, sha256 or email");
            return;
        }
        String levelText = cell(cells, header, "level").toLowerCase(Locale.ROOT);
        Level level = levelText.isEmpty() ? Level.MEDIUM : Level.parse(levelText);
        if (level == null) {
            out.problem(line, "", "unknown level '" + levelText + "'; use informational, low, medium, high or critical");
            return;
        }
        String confidenceText = cell(cells, header, "confidence");
        int confidence = -1;
        if (!confidenceText.isEmpty()) {
            confidence = confidenceText.length() <= 3 && confidenceText.chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(confidenceText) : -2;
            if (confidence < 0 || confidence > 100) {
                out.problem(line, "", "confidence '" + confidenceText + "' is not a whole number from 0 to 100");
                return;
            }
        }
        String tlpText = cell(cells, header, "tlp");
        Tlp tlp = tlpText.isEmpty() ? null : Tlp.parse(tlpText);
        if (!tlpText.isEmpty() && tlp == null) {
            out.problem(line, "", "unknown TLP '" + tlpText + "'; use clear, green, amber, amber+strict or red");
            return;
        }
        Instant from;
        Instant until;
        try {
            from = time(cell(cells, header, "valid_from"));
            until = time(cell(cells, header, "valid_until"));
        } catch (DateTimeParseException e) {
            out.problem(line, "", "'" + e.getParsedString() + "' is not a time (2026-11-22T00:00:00Z) or a date (2026-11-22)");
            return;
        }
        out.add(line, "", cell(cells, header, "id"), type, cell(cells, header, "value"), level, confidence, tlp, from,
                until, "", cell(cells, header, "description"), "");
    }

    private static String cell(List<String> cells, Map<String, Integer> header, String name) {
        Integer index = header.get(name);
        return index == null || index >= cells.size() ? "" : cells.get(index).strip();
    }

    static Instant time(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return Instant.parse(text);
    }

    /** The fields of one line, or null when a quoted field is not closed. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        cells.add(cell.toString());
        return cells;
    }
}
