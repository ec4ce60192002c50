/**
 * Linux netfilter LOG lines (iptables {@code -j LOG}, nftables {@code log prefix}) into ECS firewall
 * events, in every form they reach us: the bare kernel message, {@code dmesg} (with uptime or ISO
 * stamps), syslog files (BSD, RFC 3339 and RFC 5424 headers from rsyslog, {@code journalctl -o short}
 * and {@code short-iso}) and {@code journalctl -o json}. The log prefix names the rule and, by the
 * words in it (DROP, REJECT, ACCEPT, ...), the action.
 *
 * <p>Depends on {@code parse.common} and Jackson's streaming core only.
 */
package com.ramparts.agent.parse.iptables;
