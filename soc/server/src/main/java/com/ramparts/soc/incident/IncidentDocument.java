package com.ramparts.soc.incident;

import java.util.List;
import java.util.TreeSet;

/**
 * What the search index holds of one incident: the incident, the rules of its alerts and the text of its history
 * (notes, transitions, response actions), so analysts find an incident by any of them.
 *
 * @param revision grows with every change (row version plus history length, neither ever goes down): the index keeps
 *                 the newest revision it was given, so a slow writer with an older read cannot overwrite a newer one
 */
public record IncidentDocument(Incident incident, long revision, List<RuleSeen> rules, List<HistoryEntry> history) {

    /** A rule among the incident's alerts. */
    public record RuleSeen(String ruleId, String title, List<String> techniques) {
    }

    static IncidentDocument of(Incident incident, int version, List<HistoryEntry> history, List<RuleSeen> rules) {
        return new IncidentDocument(incident, (long) version + history.size(), List.copyOf(rules), List.copyOf(history));
    }

    public List<String> ruleIds() {
        return rules.stream().map(RuleSeen::ruleId).distinct().toList();
    }

    public List<String> techniques() {
        TreeSet<String> all = new TreeSet<>();
        rules.forEach(rule -> all.addAll(rule.techniques()));
        return List.copyOf(all);
    }
}
