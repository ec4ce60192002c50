/**
 * BorgBackup's JSON into ECS backup events: {@code borg create --json} (one event per archive created),
 * {@code borg info --json} and {@code borg list --json} (one state event per archive) and
 * {@code --log-json} lines (log messages as events, errors as failures; progress gives nothing).
 * Borg writes its times in local time without an offset, so the site's zone applies.
 *
 * <p>Depends on {@code parse.common} and Jackson's streaming core only.
 */
package com.ramparts.agent.parse.borg;
