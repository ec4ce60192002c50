package com.ramparts.agent.parse.restic;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.ZoneOffset;
import java.util.List;
import tools.jackson.core.JsonParser;

/** One element of {@code restic snapshots --json}: a state event at the snapshot's time. */
final class Snapshot {

    private Snapshot() {
    }

    static Draft read(JsonParser p, RawRecord record) throws ParseException {
        Json.expectObject(p, "snapshot");
        Draft draft = ResticParser.draft(record.receivedAt(), record.text(), "restic.snapshots");
        boolean timed = false;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            switch (name) {
                case "time" -> {
                    draft.timestamp(Timestamps.iso(Json.text(p, "snapshot.time"), ZoneOffset.UTC));
                    timed = true;
                }
                case "id" -> draft.put("backup.snapshot_id", Json.text(p, "snapshot.id"));
                case "short_id" -> draft.put("backup.snapshot_short_id", Json.text(p, "snapshot.short_id"));
                case "parent" -> draft.put("backup.parent_snapshot_id", Json.text(p, "snapshot.parent"));
                case "tree" -> draft.put("restic.snapshot.tree", Json.text(p, "snapshot.tree"));
                case "paths" -> draft.put("backup.paths", Json.strings(p, "snapshot.paths"));
                case "tags" -> draft.put("backup.tags", Json.strings(p, "snapshot.tags"));
                case "hostname" -> draft.put("host.name", Json.text(p, "snapshot.hostname"));
                case "username" -> draft.put("user.name", Json.text(p, "snapshot.username"));
                case "program_version" -> draft.put("observer.version", Json.text(p, "snapshot.program_version"));
                default -> Json.skip(p);
            }
        }
        if (!timed) {
            throw new ParseException("restic snapshot has no time");
        }
        draft.classify("state", List.of("file"), List.of("info"));
        draft.put("event.action", "snapshot");
        draft.put("event.outcome", "success");
        return draft;
    }
}
