/**
 * The detection engine: Sigma rules parsed with precise errors, compiled into matchers over the
 * shared ECS event model, indexed so an event is only tested against rules that can match it,
 * plus the Sigma-to-ECS field mapping, the semantics of correlation rules, and indicator-of-compromise
 * lists ({@code ioc}: CSV, STIX 2.1, MISP) matched against every event.
 *
 * <p>Depends on the telemetry model, SnakeYAML Engine and (for STIX/MISP) Jackson's streaming core,
 * which the telemetry model already brings; the Kafka Streams topology that runs it lives in soc/server.
 */
package com.ramparts.detection;
