package com.ramparts.soc.incident;

import java.util.List;

/** An incident with its alerts (newest first, at most {@link IncidentStore#DETAIL_ALERTS}) and its whole history. */
public record IncidentDetail(Incident incident, List<IncidentAlert> alerts, List<HistoryEntry> history) {
}
