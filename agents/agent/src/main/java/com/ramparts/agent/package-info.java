/**
 * The site agent. Sub-packages follow the data flow: {@code input} (sources: file tail, syslog,
 * periodic command), {@code parse} (one package per product format, each turning raw output
 * into the shared ECS events), {@code spool} (the disk buffer), {@code ship} (the Kafka sink),
 * {@code health} (heartbeat and per-source health), {@code config} and {@code cli}.
 *
 * <p>Depends on the telemetry model, Jackson's streaming core, kafka-clients and picocli; never
 * on Spring or on soc/pki code.
 */
package com.ramparts.agent;
