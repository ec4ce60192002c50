/**
 * restic's JSON output into ECS backup events: {@code restic backup --json} (status and per-file lines
 * give nothing; the summary line gives one event with files, bytes, duration and snapshot id; error
 * lines give failures) and {@code restic snapshots --json} (one state event per snapshot, so "last
 * successful backup" is known even when nothing else is logged). restic's plain {@code Fatal:} and
 * {@code Warning:} lines on stderr become failure and warning events.
 *
 * <p>Depends on {@code parse.common} and Jackson's streaming core only.
 */
package com.ramparts.agent.parse.restic;
