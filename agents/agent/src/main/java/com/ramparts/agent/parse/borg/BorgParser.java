package com.ramparts.agent.parse.borg;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** One or more top-level JSON values of borg's output into drafts. */
public final class BorgParser extends BoundedParser {

    public static final String FORMAT = "borg";

    static final List<String> FILE = List.of("file");

    private final ZoneId zone;

    public BorgParser(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text();
        if (text.isBlank()) {
            return;
        }
        if (text.charAt(firstNonSpace(text)) != '{') {
            throw new ParseException("not borg JSON output (run borg with --json or --log-json): '"
                    + Texts.shorten(text.strip()) + "'");
        }
        try (JsonParser p = Json.open(text)) {
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                Json.expectObject(p, "borg output");
                value(p, record, out);
            }
        }
    }

    private static int firstNonSpace(String text) {
        int i = 0;
        while (i < text.length() - 1 && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void value(JsonParser p, RawRecord record, List<Draft> out) throws ParseException {
        LogLine log = new LogLine();
        List<Archive> archives = new ArrayList<>();
        String[] repository = new String[2];
        String kind = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "archive" -> {
                    kind = "create";
                    archives.add(Archive.read(p, "archive", zone));
                }
                case "archives" -> {
                    Json.expectArray(p, "archives");
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        archives.add(Archive.read(p, "archives[]", zone));
                    }
                    kind = kind == null ? "archives" : kind;
                }
                case "repository" -> Json.fields(p, "repository", (key, v) -> {
                    switch (key) {
                        case "location" -> repository[0] = Json.text(v, "repository.location");
                        case "id" -> repository[1] = Json.text(v, "repository.id");
                        default -> Json.skip(v);
                    }
                });
                default -> log.field(name, p);
            }
        }
        if (kind != null) {
            for (Archive archive : archives) {
                out.add(archive.draft(record, kind.equals("create"), repository[0], repository[1]));
            }
        } else if (log.type != null) {
            Draft draft = log.draft(record);
            if (draft != null) {
                out.add(draft);
            }
        } else {
            throw new ParseException("not borg JSON output: the object has neither 'archive', 'archives' nor 'type'");
        }
    }

    static Draft draft(RawRecord record, String dataset) throws ParseException {
        return Draft.at(record.receivedAt(), record.text()).source("borg", dataset, "BorgBackup", "borg", "backup");
    }

    /** A {@code --log-json} line. */
    private static final class LogLine {
        String type;
        String message;
        String level;
        String logger;
        String msgid;
        String status;
        String path;
        double time = Double.NaN;

        void field(String name, JsonParser p) throws ParseException {
            switch (name) {
                case "type" -> type = Json.text(p, name);
                case "message" -> message = Json.text(p, name);
                case "levelname" -> level = Json.text(p, name);
                case "name" -> logger = Json.text(p, name);
                case "msgid" -> msgid = Json.text(p, name);
                case "status" -> status = Json.text(p, name);
                case "path" -> path = Json.text(p, name);
                case "time" -> time = Json.number(p, name);
                default -> Json.skip(p);
            }
        }

        Draft draft(RawRecord record) throws ParseException {
            switch (type) {
                case "archive_progress", "progress_message", "progress_percent" -> {
                    return null; // progress: the archive's own record says what counts
                }
                case "file_status" -> {
                    if (!"E".equals(status)) {
                        return null; // A, M, U, d ...: one line per file, nothing an analyst needs
                    }
                    Draft draft = base(record);
                    draft.classify("event", FILE, List.of("error"));
                    draft.put("event.action", "file-error");
                    draft.put("event.outcome", "failure");
                    draft.put("file.path", path);
                    return draft;
                }
                case "log_message" -> {
                    String lower = level == null ? "info" : level.toLowerCase(Locale.ROOT);
                    if (lower.equals("info") && logger != null && logger.startsWith("borg.output.")) {
                        return null; // the human-readable stats and list; --json carries the numbers
                    }
                    boolean error = lower.equals("error") || lower.equals("critical");
                    Draft draft = base(record);
                    draft.classify("event", FILE, List.of(error ? "error" : "info"));
                    draft.put("event.action", error ? "backup-error" : "backup-log");
                    draft.put("log.level", lower);
                    draft.put("log.logger", logger);
                    draft.put("event.code", msgid);
                    draft.put("message", message);
                    if (error) {
                        draft.put("event.outcome", "failure");
                        draft.put("error.message", message);
                    }
                    return draft;
                }
                default -> {
                    Draft draft = base(record);
                    draft.classify("event", FILE, List.of("info"));
                    draft.put("event.action", Texts.shorten(type));
                    draft.put("message", message);
                    return draft;
                }
            }
        }

        private Draft base(RawRecord record) throws ParseException {
            Draft draft = BorgParser.draft(record, "borg.log");
            if (!Double.isNaN(time)) {
                draft.timestamp(Timestamps.epochSeconds(time, "time"));
            }
            return draft;
        }
    }
}
