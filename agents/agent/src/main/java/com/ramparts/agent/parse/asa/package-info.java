/**
 * Cisco ASA (and FTD) syslog into ECS firewall events: the common deny, permit, built and teardown
 * messages (106001, 106006, 106007, 106014, 106015, 106021, 106023, 106100, 302013-302016, 302020,
 * 302021, 710003) are mapped field by field, every other {@code %ASA-n-nnnnnn} message is kept as a
 * generic event with its id and severity. Built from Cisco's "Cisco Secure Firewall ASA Series Syslog
 * Messages" reference, since no ASA runs here.
 *
 * <p>Depends on {@code parse.common} only.
 */
package com.ramparts.agent.parse.asa;
