/**
 * Sigma value modifiers: the {@link com.ramparts.detection.modifier.Modifier} names, Sigma strings
 * with wildcards, escapes and placeholders ({@link com.ramparts.detection.modifier.SigmaString}),
 * and {@link com.ramparts.detection.modifier.ModifierChain}, which applies a field's modifiers in
 * order to its values and yields typed {@link com.ramparts.detection.modifier.Value}s (patterns,
 * regular expressions, networks, comparisons, ...) or a precise reason why it cannot.
 *
 * <p>Uses {@code rule} and {@code yaml}; knows nothing of events or matchers.
 */
package com.ramparts.detection.modifier;
