/**
 * Absence rules, a Ramparts extension to Sigma: "this site's expected source has been silent for N
 * minutes", "no heartbeat / successful backup / signature update for N". {@link
 * com.ramparts.soc.correlation.absence.AbsenceRuleParser} reads them from {@code *.absence.yml}
 * files; {@link com.ramparts.soc.correlation.absence.AbsenceTracker} keeps, per rule, site and
 * source, the newest event time seen, in a changelogged store, and raises an alert when wall-clock
 * time minus the allowed lateness passes it by the rule's timespan. Semantics in
 * docs/soc-correlation.md. Uses {@code alert}, the site model, the detection engine's YAML reader
 * and Kafka Streams' key-value store.
 */
package com.ramparts.soc.correlation.absence;
