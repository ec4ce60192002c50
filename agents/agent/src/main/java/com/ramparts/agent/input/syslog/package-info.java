/**
 * The syslog listener input: UDP and TCP (RFC 6587 octet counting and newline framing, detected
 * per message), messages bounded in size, a bounded queue towards the pipeline (UDP overflow is
 * dropped and counted, TCP senders are slowed by backpressure), and a tolerant RFC 3164 / RFC 5424
 * header parser whose fields decorate the parsed events as ECS {@code log.syslog.*}.
 */
package com.ramparts.agent.input.syslog;
