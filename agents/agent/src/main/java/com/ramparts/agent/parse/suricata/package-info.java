/**
 * Suricata's EVE JSON ({@code eve.json}, one JSON object per line) into ECS: every event type Suricata 7
 * and 8 emit (alert, anomaly, drop, flow, netflow, dns in the v2 and v3 layouts, http, tls, ssh, smtp,
 * fileinfo, dhcp, stats) and any other type kept as a generic network event, never dropped. Read with
 * Jackson's streaming parser in one pass, because this is the agent's hottest path.
 *
 * <p>Depends on {@code parse.common} and Jackson's streaming core only.
 */
package com.ramparts.agent.parse.suricata;
