/**
 * Sigma condition expressions: the {@link com.ramparts.detection.condition.Condition} tree and the
 * {@link com.ramparts.detection.condition.ConditionParser} for {@code and}, {@code or}, {@code not},
 * parentheses, {@code 1 of pattern}, {@code all of pattern} and {@code them}, with errors that
 * give the offending offset.
 *
 * <p>Plain Java; uses nothing else of the engine.
 */
package com.ramparts.detection.condition;
