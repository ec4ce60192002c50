/**
 * The Sigma taxonomy to ECS mapping, as data: which {@code event.dataset}s a rule's log source
 * selects (or why none: "not ingested by Ramparts"), extra conditions per category, and Sigma
 * field names to ECS names. The default lives in {@code sigma-ecs.yml} next to this package's
 * classes and is documented in docs/detection.md.
 *
 * <p>Uses {@code yaml} and {@code rule}.
 */
package com.ramparts.detection.mapping;
