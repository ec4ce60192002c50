/**
 * Events in OpenSearch: the index template generated from the telemetry model's ECS types
 * ({@link com.ramparts.soc.index.EventMapping}), daily indices per dataset
 * ({@link com.ramparts.soc.index.IndexNames}), the {@code _bulk} writer that sends the events' own
 * JSON bytes ({@link com.ramparts.soc.index.BulkIndexer}), and the retention job. Knows nothing of
 * Kafka. May depend on {@code config}, the telemetry model, opensearch-java and Micrometer.
 */
package com.ramparts.soc.index;
