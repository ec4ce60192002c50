/**
 * ClamAV into ECS: the clamd log (detections, clean scans, errors, SelfCheck and database reloads,
 * start and stop), clamscan/clamdscan output (one alert per FOUND line, one event per SCAN SUMMARY block;
 * clean-file lines give nothing, the summary counts them) and the freshclam log plus ClamAV's version
 * line {@code ClamAV 1.4.6/27100/<date>}, which gives the signature database's age as a metric.
 *
 * <p>Depends on {@code parse.common} only.
 */
package com.ramparts.agent.parse.clamav;
