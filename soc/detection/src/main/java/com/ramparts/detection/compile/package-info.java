/**
 * Compiled rules and the hot path. {@link com.ramparts.detection.compile.RuleCompiler} turns a
 * parsed rule (plus the filters that apply to it and its log source's extra conditions) into a
 * tree of {@link com.ramparts.detection.compile.EventTest}s over precompiled matchers: wildcard,
 * regex, CIDR, numeric, time. {@link com.ramparts.detection.compile.RuleSet} indexes the rules by
 * {@code event.dataset} and then by what each requires of an event (equality keys, literals found
 * by one Aho-Corasick pass, CIDR networks in a bit trie), so an event is only tested against the
 * rules that can match it. No reflection, no maps of maps per event.
 *
 * <p>Uses {@code rule}, {@code condition}, {@code modifier}, {@code mapping}, {@code yaml} and the
 * telemetry event model.
 */
package com.ramparts.detection.compile;
