package com.ramparts.pki.profile;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The subject attributes profiles may allow, with their RFC 5280 (Appendix A) upper bounds and
 * encodings: countryName and serialNumber are PrintableString, everything else UTF8String.
 */
public enum SubjectAttribute {
    C(BCStyle.C, 2, true),
    ST(BCStyle.ST, 128, false),
    L(BCStyle.L, 128, false),
    O(BCStyle.O, 64, false),
    OU(BCStyle.OU, 64, false),
    organizationIdentifier(BCStyle.ORGANIZATION_IDENTIFIER, 64, false),
    title(BCStyle.T, 64, false),
    givenName(BCStyle.GIVENNAME, 64, false),
    surname(BCStyle.SURNAME, 64, false),
    CN(BCStyle.CN, 64, false),
    serialNumber(BCStyle.SERIALNUMBER, 64, true),
    UID(BCStyle.UID, 128, false);

    private final ASN1ObjectIdentifier oid;
    private final int upperBound;
    private final boolean printable;

    SubjectAttribute(ASN1ObjectIdentifier oid, int upperBound, boolean printable) {
        this.oid = oid;
        this.upperBound = upperBound;
        this.printable = printable;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public int upperBound() {
        return upperBound;
    }

    public boolean printable() {
        return printable;
    }

    /** The value as it is encoded in a certificate. */
    public ASN1Encodable encode(String value) {
        return printable ? new DERPrintableString(value, true) : new DERUTF8String(value);
    }

    public static Optional<SubjectAttribute> byName(String name) {
        return Arrays.stream(values()).filter(a -> a.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static Optional<SubjectAttribute> byOid(ASN1ObjectIdentifier oid) {
        return Arrays.stream(values()).filter(a -> a.oid.equals(oid)).findFirst();
    }

    /** A readable name for any attribute type: ours, Bouncy Castle's short name, or the dotted OID. */
    public static String describe(ASN1ObjectIdentifier oid) {
        return byOid(oid).map(Enum::name).orElseGet(() -> {
            String name = BCStyle.INSTANCE.oidToDisplayName(oid);
            return name != null ? name : oid.getId();
        });
    }
}
