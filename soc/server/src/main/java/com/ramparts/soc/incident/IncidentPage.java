package com.ramparts.soc.incident;

import java.util.List;

/** One page of the queue, most severe and newest first. */
public record IncidentPage(List<Incident> items, long total, int page, int size) {
}
