/**
 * pfSense and OPNsense {@code filterlog} CSV (the firewall's packet filter log, as stored locally and
 * sent over syslog) into ECS firewall events. Built from Netgate's "Raw Filter Log Format" reference and
 * OPNsense's filterlog description, since neither firewall runs here.
 *
 * <p>Depends on {@code parse.common} only.
 */
package com.ramparts.agent.parse.filterlog;
