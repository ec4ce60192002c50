/**
 * FortiGate's key=value syslog (traffic, UTM and event logs) into ECS. Built from Fortinet's FortiOS Log
 * Message Reference and its sample logs, since no FortiGate runs here.
 *
 * <p>Depends on {@code parse.common} only.
 */
package com.ramparts.agent.parse.fortigate;
