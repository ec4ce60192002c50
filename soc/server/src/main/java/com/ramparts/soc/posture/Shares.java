package com.ramparts.soc.posture;

/**
 * The four figures the city reports yearly, in percent (null when there is nothing to count), over a set of units.
 *
 * @param units      units in the set
 * @param monitored  units with at least one site: the base of the first three shares
 * @param firewall   share of monitored units whose firewalls all report
 * @param antivirus  share of monitored units with healthy antivirus
 * @param backup     share of monitored units with every site backed up within {@code backup-max-age}
 * @param certificate share of all units with a valid seal
 * @param score      mean score of the monitored units
 */
public record Shares(int units, int monitored, Double firewall, Double antivirus, Double backup, Double certificate, Double score) {
}
