/**
 * The rules the correlator runs: {@link com.ramparts.soc.correlation.rules.RuleCatalog} loads the
 * rules directory (Sigma rules through the detection engine's loader, absence rules from
 * {@code *.absence.yml}), keeps every problem with file, line and column, and swaps in a new
 * {@link com.ramparts.soc.correlation.rules.Rules} when the files change; {@link
 * com.ramparts.soc.correlation.rules.RuleProblemsController} shows the problems at
 * {@code GET /api/v1/rules/problems}. Uses the detection engine, {@code absence}, Spring MVC and
 * Spring Security (roles only).
 */
package com.ramparts.soc.correlation.rules;
