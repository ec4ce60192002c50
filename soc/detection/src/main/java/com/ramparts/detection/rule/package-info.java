/**
 * Sigma documents as parsed, before any compilation: detection rules ({@link
 * com.ramparts.detection.rule.SigmaRule}), filters ({@link com.ramparts.detection.rule.SigmaFilter})
 * and correlation rules ({@link com.ramparts.detection.rule.SigmaCorrelation}), their shared
 * metadata ({@link com.ramparts.detection.rule.RuleInfo}) and the {@link
 * com.ramparts.detection.rule.RuleParser} that builds them from YAML with precise findings.
 *
 * <p>Uses {@code yaml} and {@code condition}; knows nothing of events, mappings or matchers.
 */
package com.ramparts.detection.rule;
