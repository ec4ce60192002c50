package com.ramparts.pki.profile;

import org.bouncycastle.asn1.x509.GeneralName;

import java.util.Arrays;
import java.util.Optional;

/** The subject alternative name types profiles may allow. */
public enum SanType {
    email(GeneralName.rfc822Name),
    dns(GeneralName.dNSName),
    ip(GeneralName.iPAddress),
    uri(GeneralName.uniformResourceIdentifier);

    private final int tag;

    SanType(int tag) {
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }

    public static Optional<SanType> byTag(int tag) {
        return Arrays.stream(values()).filter(t -> t.tag == tag).findFirst();
    }

    /** Names of the GeneralName choices, for messages about types no profile allows. */
    public static String describeTag(int tag) {
        return byTag(tag).map(Enum::name).orElse(switch (tag) {
            case GeneralName.otherName -> "otherName";
            case GeneralName.x400Address -> "x400Address";
            case GeneralName.directoryName -> "directoryName";
            case GeneralName.ediPartyName -> "ediPartyName";
            case GeneralName.registeredID -> "registeredID";
            default -> "tag " + tag;
        });
    }
}
