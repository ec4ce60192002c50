package com.ramparts.pki.ra.unit;

import java.util.List;

/**
 * A unit: department, district, ward.
 *
 * @param code also the organizationIdentifier in its seal
 * @param parentCode null for the top of the tree
 * @param allowedDomains DNS suffixes its server-tls certificates may name
 */
public record Unit(String code, String name, String parentCode, List<String> allowedDomains) {

    public Unit {
        allowedDomains = List.copyOf(allowedDomains);
    }

    /** Whether a server certificate of this unit may name {@code dnsName} (lower case): one of its domains or below one. */
    public boolean allowsDnsName(String dnsName) {
        return allowedDomains.stream().anyMatch(d -> dnsName.equals(d) || dnsName.endsWith("." + d));
    }
}
