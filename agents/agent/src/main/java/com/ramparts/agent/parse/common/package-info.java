/**
 * What every product parser shares: {@link com.ramparts.agent.parse.common.BoundedParser} (the record-size
 * bound, collecting drafts so a failing record emits none), {@link com.ramparts.agent.parse.common.Draft}
 * (an event draft whose values always fit what soc will read back), strict timestamp, IP, number and
 * syslog-header readers that answer bad input with a {@link com.ramparts.agent.parse.ParseException}, and
 * the bounded Jackson streaming set-up for JSON formats.
 *
 * <p>Depends on the telemetry model and Jackson's streaming core only.
 */
package com.ramparts.agent.parse.common;
