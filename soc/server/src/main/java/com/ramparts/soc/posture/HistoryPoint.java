package com.ramparts.soc.posture;

import java.time.Instant;

/** One snapshot of one scope: the shares at the start of a snapshot interval. */
public record HistoryPoint(Instant at, int units, int monitored, Double firewall, Double antivirus, Double backup, Double certificate,
                           Double score) {
}
