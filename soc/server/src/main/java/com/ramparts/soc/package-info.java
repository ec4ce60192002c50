/**
 * The soc service: the SOC core. Feature packages live below this one: {@code config},
 * {@code security}, {@code health}, {@code site} (the site registry), {@code ingest} (the Kafka
 * consumer group that validates, enriches and dead-letters) and {@code index} (OpenSearch template,
 * bulk writer, retention); correlation, incidents, posture, drills and the dashboard arrive with
 * their issues.
 */
package com.ramparts.soc;
