/**
 * The detection engine: Sigma rules parsed with precise errors, compiled into matchers over the
 * shared ECS event model, indexed so an event is only tested against rules that can match it,
 * plus the Sigma-to-ECS field mapping and the semantics of correlation rules.
 *
 * <p>Depends on the telemetry model and SnakeYAML Engine only; the Kafka Streams topology that
 * runs it lives in soc/server.
 */
package com.ramparts.detection;
