/**
 * Ingest: the indexer's Kafka consumer group on {@code telemetry.events}. Each batch is decoded and
 * checked against the telemetry model ({@link com.ramparts.soc.ingest.EventDecoder}), enriched from
 * the site registry ({@link com.ramparts.soc.ingest.SiteEnricher}), written to OpenSearch, and only
 * then committed ({@link com.ramparts.soc.ingest.IngestLoop}); what cannot be indexed goes to the
 * dead-letter topic with its reason ({@link com.ramparts.soc.ingest.DeadLetterPublisher}). Also
 * creates the wire-contract topics ({@link com.ramparts.soc.ingest.WireTopics}). May depend on
 * {@code config}, {@code index}, {@code site}, the telemetry model, Kafka clients and Micrometer.
 */
package com.ramparts.soc.ingest;
