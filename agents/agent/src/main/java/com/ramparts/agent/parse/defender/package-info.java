/**
 * Microsoft Defender Antivirus events (log "Microsoft-Windows-Windows Defender/Operational") exported
 * as JSON from PowerShell ({@code Get-WinEvent} with the event's named EventData, one object per line
 * or a pretty-printed array) into ECS: detections, remediation and its failures, scans, security
 * intelligence updates and real-time protection changes. Built from Microsoft's "Microsoft Defender
 * Antivirus event IDs and error codes" reference, since no Windows host runs here.
 *
 * <p>Depends on {@code parse.common} and Jackson's streaming core only.
 */
package com.ramparts.agent.parse.defender;
