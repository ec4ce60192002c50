package com.ramparts.agent.spool;

/**
 * A snapshot of the spool for health reporting.
 *
 * @param pendingRecords records appended and not yet acknowledged
 * @param bytes          bytes on disk in segment files
 * @param segments       segment files
 * @param appended       records appended since the spool was opened
 * @param dropped        records dropped by the drop-oldest policy since the spool was opened
 * @param corrupt        records lost to corruption found in sealed segments since the spool was opened
 * @param blockedAppends appends that had to wait for space since the spool was opened
 */
public record SpoolStats(long pendingRecords, long bytes, int segments, long appended, long dropped, long corrupt,
                         long blockedAppends) {
}
