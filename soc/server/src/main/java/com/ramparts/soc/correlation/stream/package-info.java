/**
 * The Kafka Streams side: {@link com.ramparts.soc.correlation.stream.CorrelationTopology} (source
 * {@code telemetry.events} -> {@link com.ramparts.soc.correlation.stream.DetectorProcessor} -> sink
 * {@code soc.alerts}), the changelogged stores the processor keeps its state in ({@link
 * com.ramparts.soc.correlation.stream.GroupCodec} for correlation groups, {@link
 * com.ramparts.soc.correlation.stream.StreamsStateStore} adapting them to the engine), and {@link
 * com.ramparts.soc.correlation.stream.CorrelationEngine}, which runs one Kafka Streams instance.
 * Plain Java (no Spring), so tests and load harnesses run it as soc does.
 */
package com.ramparts.soc.correlation.stream;
