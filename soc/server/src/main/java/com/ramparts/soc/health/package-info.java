/**
 * Whether soc can do its job: health contributors for the servers it depends on (Kafka,
 * OpenSearch), so its health endpoint, and the launcher that waits on it, tell the truth.
 * May depend on {@code config}.
 */
package com.ramparts.soc.health;
