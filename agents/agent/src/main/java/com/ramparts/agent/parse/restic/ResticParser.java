package com.ramparts.agent.parse.restic;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** One line of restic's JSON output (or one of its plain stderr lines) into zero or more drafts. */
public final class ResticParser extends BoundedParser {

    public static final String FORMAT = "restic";

    private static final List<String> FILE = List.of("file");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        String text = record.text().strip();
        if (text.isEmpty()) {
            return;
        }
        if (text.startsWith("Fatal: ") || text.startsWith("Warning: ") || text.startsWith("error: ")) {
            out.add(plain(record, text));
            return;
        }
        if (!text.startsWith("{") && !text.startsWith("[")) {
            throw new ParseException("not restic JSON output (run restic with --json): '" + Texts.shorten(text) + "'");
        }
        try (JsonParser p = Json.open(text)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    out.add(Snapshot.read(p, record));
                }
            } else {
                message(p, record, out);
            }
            Json.expectEnd(p);
        }
    }

    private static Draft plain(RawRecord record, String text) throws ParseException {
        boolean fatal = !text.startsWith("Warning: ");
        Draft draft = draft(record.receivedAt(), record.text(), "restic.backup");
        draft.classify("event", FILE, List.of(fatal ? "error" : "info"));
        draft.put("event.action", fatal ? "backup-failed" : "backup-warning");
        draft.put("log.level", fatal ? "error" : "warning");
        draft.put("message", text.substring(text.indexOf(':') + 1).trim());
        if (fatal) {
            draft.put("event.outcome", "failure");
            draft.put("error.message", text.substring(text.indexOf(':') + 1).trim());
        }
        return draft;
    }

    static Draft draft(Instant timestamp, String original, String dataset) throws ParseException {
        return Draft.at(timestamp, original).source("restic", dataset, "restic", "restic", "backup");
    }

    /** One object of {@code backup --json}; what it is depends on {@code message_type}, which restic writes first. */
    private static void message(JsonParser p, RawRecord record, List<Draft> out) throws ParseException {
        Json.expectObject(p, "restic message");
        Draft draft = draft(record.receivedAt(), record.text(), "restic.backup");
        String type = null;
        Instant[] span = new Instant[2];
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "message_type" -> type = Json.text(p, name);
                case "snapshot_id" -> draft.put("backup.snapshot_id", Json.text(p, name));
                case "files_new" -> draft.put("backup.files.new", Json.whole(p, name));
                case "files_changed" -> draft.put("backup.files.changed", Json.whole(p, name));
                case "files_unmodified" -> draft.put("backup.files.unmodified", Json.whole(p, name));
                case "dirs_new" -> draft.put("backup.directories.new", Json.whole(p, name));
                case "dirs_changed" -> draft.put("backup.directories.changed", Json.whole(p, name));
                case "dirs_unmodified" -> draft.put("backup.directories.unmodified", Json.whole(p, name));
                case "data_blobs" -> draft.put("backup.blobs.data", Json.whole(p, name));
                case "tree_blobs" -> draft.put("backup.blobs.tree", Json.whole(p, name));
                case "data_added" -> draft.put("backup.bytes.added", Json.whole(p, name));
                case "data_added_packed" -> draft.put("backup.bytes.added_packed", Json.whole(p, name));
                case "total_files_processed" -> draft.put("backup.files.processed", Json.whole(p, name));
                case "total_bytes_processed" -> draft.put("backup.bytes.processed", Json.whole(p, name));
                case "total_duration" -> {
                    double seconds = Json.number(p, name);
                    if (seconds >= 0 && seconds < 9e9) {
                        draft.put("event.duration", Math.round(seconds * 1e9));
                    }
                }
                case "backup_start" -> span[0] = Timestamps.iso(Json.text(p, name), ZoneOffset.UTC);
                case "backup_end" -> span[1] = Timestamps.iso(Json.text(p, name), ZoneOffset.UTC);
                case "dry_run" -> draft.put("backup.dry_run", Json.bool(p, name));
                case "item" -> draft.put("file.path", Json.text(p, name));
                case "during" -> draft.put("restic.error.during", Json.text(p, name));
                case "error" -> draft.put("error.message", errorText(p));
                case "message" -> draft.put("message", Json.text(p, name));
                case "code" -> draft.put("error.code", String.valueOf(Json.whole(p, name)));
                default -> Json.skip(p);
            }
        }
        if (type == null) {
            throw new ParseException("not a restic JSON message: it has no message_type");
        }
        switch (type) {
            case "status", "verbose_status" -> {
                return; // progress: the summary says what counts
            }
            case "summary" -> {
                draft.classify("event", FILE, List.of("creation"));
                draft.put("event.action", "backup-completed");
                draft.put("event.outcome", "success");
                if (span[0] != null) {
                    draft.put("event.start", span[0].toString());
                }
                if (span[1] != null) {
                    draft.put("event.end", span[1].toString());
                    draft.timestamp(span[1]);
                }
            }
            case "error" -> {
                draft.classify("event", FILE, List.of("error"));
                draft.put("event.action", "backup-error");
                draft.put("event.outcome", "failure");
            }
            case "exit_error" -> {
                draft.classify("event", FILE, List.of("error"));
                draft.put("event.action", "backup-failed");
                draft.put("event.outcome", "failure");
            }
            default -> {
                draft.classify("event", FILE, List.of("info"));
                draft.put("event.action", Texts.shorten(type));
            }
        }
        out.add(draft);
    }

    /** restic writes an error as {"message": ...}, as Go's {"Op","Path","Err"} or as a plain string. */
    private static String errorText(JsonParser p) throws ParseException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return Json.text(p, "error");
        }
        String message = null;
        String op = null;
        String path = null;
        String err = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "message" -> message = Json.text(p, "error.message");
                case "Op" -> op = Json.text(p, "error.Op");
                case "Path" -> path = Json.text(p, "error.Path");
                case "Err" -> err = Json.text(p, "error.Err");
                default -> Json.skip(p);
            }
        }
        if (message != null) {
            return message;
        }
        String errno = "13".equals(err) ? "permission denied" : "2".equals(err) ? "no such file or directory"
                : err == null ? "failed" : "errno " + err;
        return (op == null ? "" : op + " ") + (path == null ? "" : path + ": ") + errno;
    }
}
