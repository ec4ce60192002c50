package com.ramparts.agent.simulate;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

/**
 * The last line of {@code restic backup --json} (the summary, as in the fixture
 * {@code restic/backup.jsonl}), or restic's fatal error message while the site's backup is failing.
 */
final class ResticLines implements LineGenerator {

    private final Random random;
    private final Scenario scenario;
    private long files = 20_000;

    ResticLines(Random random, Scenario scenario) {
        this.random = random;
        this.scenario = scenario;
        this.files += random.nextInt(50_000);
    }

    @Override
    public String next(Instant now) {
        if (scenario.backupFailing()) {
            return "{\"message_type\":\"exit_error\",\"code\":1,\"message\":\"Fatal: unable to open repository at"
                    + " sftp:backup@nas01:/srv/restic: ssh: connect to host nas01 port 22: Connection refused\"}";
        }
        int changed = random.nextInt(400);
        int added = random.nextInt(200);
        files += added;
        byte[] id = new byte[4];
        random.nextBytes(id);
        long processed = files * (40_000 + random.nextInt(20_000));
        return String.format(java.util.Locale.ROOT, "{\"message_type\":\"summary\",\"files_new\":%d,\"files_changed\":%d,\"files_unmodified\":%d,\"dirs_new\":%d,"
                + "\"dirs_changed\":%d,\"dirs_unmodified\":%d,\"data_blobs\":%d,\"tree_blobs\":%d,\"data_added\":%d,"
                + "\"total_files_processed\":%d,\"total_bytes_processed\":%d,\"total_duration\":%.6f,\"snapshot_id\":\"%s\"}",
                added, changed, files - added - changed, random.nextInt(20), random.nextInt(100), 3_000,
                        added + changed, 50 + random.nextInt(100), (added + changed) * 150_000L, files, processed,
                        30 + random.nextDouble() * 600, HexFormat.of().formatHex(id));
    }
}
