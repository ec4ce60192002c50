/**
 * Indicators of compromise: lists of known-bad addresses and networks, domains, URLs, file hashes
 * and e-mail addresses, as national CERTs (VNCERT, NCSC) and sharing communities publish them: CSV,
 * STIX 2.1 bundles and MISP event exports. {@link com.ramparts.detection.ioc.IndicatorLoader} reads
 * them (never throwing for bad content: each bad entry becomes an {@link
 * com.ramparts.detection.ioc.IndicatorProblem} with file and line or JSON pointer) and {@link
 * com.ramparts.detection.ioc.IndicatorSet} matches them against every event with hash lookups and
 * the rule engine's CIDR trie, on the ECS fields {@link com.ramparts.detection.ioc.IocFields} lists.
 *
 * <p>Uses the telemetry event model, {@code compile.NetworkTrie}, {@code modifier.Networks},
 * {@code rule.Level} and Jackson's streaming parser. The correlator in soc/server turns hits into
 * alerts; described in docs/indicators.md.
 */
package com.ramparts.detection.ioc;
