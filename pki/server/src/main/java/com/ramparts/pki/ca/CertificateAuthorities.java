package com.ramparts.pki.ca;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The online CAs this service signs with, by name. */
public final class CertificateAuthorities {

    private final Map<String, CaSigner> byName;

    public CertificateAuthorities(Collection<CaSigner> signers) {
        Map<String, CaSigner> map = new LinkedHashMap<>();
        signers.forEach(s -> map.put(s.name(), s));
        this.byName = Map.copyOf(map);
    }

    public Optional<CaSigner> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The CA of that name, or a not-found error naming it. */
    public CaSigner require(String name) {
        return find(name).orElseThrow(() -> new PkiException(PkiError.CA_UNKNOWN, "ca", name));
    }

    public Collection<CaSigner> all() {
        return byName.values();
    }
}
