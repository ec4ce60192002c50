package com.ramparts.agent.parse.borg;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import tools.jackson.core.JsonParser;

/** One archive as borg describes it in create, info and list output. */
final class Archive {

    private String name;
    private String id;
    private Instant start;
    private Instant end;
    private double duration = Double.NaN;
    private long files = -1;
    private long originalSize = -1;
    private long compressedSize = -1;
    private long deduplicatedSize = -1;
    private String hostname;
    private String username;

    static Archive read(JsonParser p, String field, ZoneId zone) throws ParseException {
        Archive archive = new Archive();
        Json.fields(p, field, (name, v) -> {
            switch (name) {
                case "name" -> archive.name = Json.text(v, field + ".name");
                case "id" -> archive.id = Json.text(v, field + ".id");
                case "start", "time" -> archive.start = time(v, field + "." + name, zone, archive.start);
                case "end" -> archive.end = time(v, field + ".end", zone, null);
                case "duration" -> archive.duration = Json.number(v, field + ".duration");
                case "hostname" -> archive.hostname = Json.text(v, field + ".hostname");
                case "username" -> archive.username = Json.text(v, field + ".username");
                case "stats" -> Json.fields(v, field + ".stats", (stat, w) -> {
                    switch (stat) {
                        case "nfiles" -> archive.files = Json.whole(w, "stats.nfiles");
                        case "original_size" -> archive.originalSize = Json.whole(w, "stats.original_size");
                        case "compressed_size" -> archive.compressedSize = Json.whole(w, "stats.compressed_size");
                        case "deduplicated_size" -> archive.deduplicatedSize = Json.whole(w, "stats.deduplicated_size");
                        default -> Json.skip(w);
                    }
                });
                default -> Json.skip(v);
            }
        });
        return archive;
    }

    private static Instant time(JsonParser p, String field, ZoneId zone, Instant previous) throws ParseException {
        if (previous != null) {
            Json.skip(p);
            return previous;
        }
        String text = Json.text(p, field);
        return text == null ? null : Timestamps.iso(text, zone);
    }

    /** A {@code create} archive is the event "a backup completed"; listed archives are state. */
    Draft draft(RawRecord record, boolean created, String repository, String repositoryId) throws ParseException {
        Draft draft = BorgParser.draft(record, created ? "borg.create" : "borg.archives");
        Instant at = end != null ? end : start;
        if (at != null) {
            draft.timestamp(at);
        }
        draft.classify(created ? "event" : "state", BorgParser.FILE, List.of(created ? "creation" : "info"));
        draft.put("event.action", created ? "backup-completed" : "archive");
        draft.put("event.outcome", "success");
        draft.put("backup.archive.name", name);
        draft.put("backup.snapshot_id", id);
        draft.put("backup.repository", repository);
        draft.put("borg.repository.id", repositoryId);
        draft.put("host.name", hostname);
        draft.put("user.name", username);
        if (start != null) {
            draft.put("event.start", start.toString());
        }
        if (end != null) {
            draft.put("event.end", end.toString());
        }
        if (duration >= 0 && duration < 9e9) {
            draft.put("event.duration", Math.round(duration * 1e9));
        }
        positive("backup.files.processed", files, draft);
        positive("backup.bytes.processed", originalSize, draft);
        positive("backup.bytes.compressed", compressedSize, draft);
        positive("backup.bytes.added", deduplicatedSize, draft);
        return draft;
    }

    private static void positive(String field, long value, Draft draft) {
        if (value >= 0) {
            draft.put(field, value);
        }
    }
}
