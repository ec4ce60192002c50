package com.ramparts.soc.incident;

import java.time.Instant;

/** One line of an incident's history: who did what, when; notes are entries with action {@code NOTE}. */
public record HistoryEntry(Instant at, String actor, String action, String fromStatus, String toStatus, String detail) {
}
