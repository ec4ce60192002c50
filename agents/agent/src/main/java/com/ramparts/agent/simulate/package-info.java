/**
 * {@code ramparts-agent simulate}: a city in miniature. N virtual sites (departments, districts,
 * wards) each run a real agent pipeline (parsers, spool, shipper, heartbeat) whose inputs are
 * generators writing the raw lines the real products write: iptables kernel LOG or FortiGate
 * syslog for the firewall, Suricata EVE JSON, clamd's log, restic's JSON. Rates follow office
 * hours; now and then a site has an incident (an SSH brute force, malware caught) or a failure
 * (a backup that fails, a firewall that stops logging). The same seed gives the same lines
 * (the timestamps are the clock's).
 *
 * <p>Used by {@code ./ramparts up --demo-sites N} and the load benchmarks. Depends on the pipeline,
 * config, parse and health packages; nothing depends on it but the command line.
 */
package com.ramparts.agent.simulate;
