package com.ramparts.pki.profile;

import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One compiled certificate profile. {@link #apply(ParsedCsr)} checks a request against it and
 * returns what the certificate may contain; the remaining accessors say what the certificate
 * carries regardless of the request (usages, policies, pointers).
 */
public final class CertificateProfile {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern EMAIL_LOCAL_PART = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Pattern PRINTABLE = Pattern.compile("[A-Za-z0-9 '()+,\\-./:=?]*");

    private final String name;
    private final String description;
    private final List<String> issuers;
    private final Duration validity;
    private final Set<KeyAlgorithm> keyTypes;
    private final List<SubjectRule> subject;
    private final Set<SubjectAttribute> subjectOneOf;
    private final Map<SanType, SanRule> san;
    private final int keyUsage;
    private final List<KeyPurposeId> extendedKeyUsage;
    private final List<ASN1ObjectIdentifier> policies;
    private final boolean commonNameInSan;
    private final boolean ocspNoCheck;
    private final boolean aiaOcsp;
    private final boolean aiaCaIssuers;
    private final boolean crlDistributionPoint;
    private final boolean extendedKeyUsageCritical;

    CertificateProfile(String name, String description, List<String> issuers, Duration validity, Set<KeyAlgorithm> keyTypes,
                       List<SubjectRule> subject, Set<SubjectAttribute> subjectOneOf, Map<SanType, SanRule> san, int keyUsage,
                       List<KeyPurposeId> extendedKeyUsage, List<ASN1ObjectIdentifier> policies, boolean commonNameInSan,
                       boolean ocspNoCheck, boolean aiaOcsp, boolean aiaCaIssuers, boolean crlDistributionPoint,
                       boolean extendedKeyUsageCritical) {
        this.name = name;
        this.description = description;
        this.issuers = List.copyOf(issuers);
        this.validity = validity;
        this.keyTypes = Set.copyOf(keyTypes);
        this.subject = List.copyOf(subject);
        this.subjectOneOf = Set.copyOf(subjectOneOf);
        this.san = Map.copyOf(san);
        this.keyUsage = keyUsage;
        this.extendedKeyUsage = List.copyOf(extendedKeyUsage);
        this.policies = List.copyOf(policies);
        this.commonNameInSan = commonNameInSan;
        this.ocspNoCheck = ocspNoCheck;
        this.aiaOcsp = aiaOcsp;
        this.aiaCaIssuers = aiaCaIssuers;
        this.crlDistributionPoint = crlDistributionPoint;
        this.extendedKeyUsageCritical = extendedKeyUsageCritical;
    }

    /**
     * The CA that issues a request: the requested one if this profile allows it, else the profile's first.
     *
     * @param requested a CA name, or null for the default
     */
    public String issuerFor(String requested) {
        if (requested == null || requested.isBlank()) {
            return issuers.getFirst();
        }
        if (!issuers.contains(requested)) {
            throw new PkiException(PkiError.PROFILE_CA_NOT_ALLOWED, "ca", requested, name, String.join(", ", issuers));
        }
        return requested;
    }

    /** Checks a request against this profile; throws a {@link PkiException} naming the first field that breaks a rule. */
    public CertificateContent apply(ParsedCsr request) {
        if (!keyTypes.contains(request.keyAlgorithm())) {
            throw new PkiException(PkiError.PROFILE_KEY_NOT_ALLOWED, "csr.publicKey", request.keyAlgorithm().describe(), name,
                    keyTypes.stream().sorted().map(KeyAlgorithm::describe).collect(Collectors.joining(", ")));
        }
        Map<SubjectAttribute, String> values = subjectValues(request.subject());
        X500NameBuilder subjectName = new X500NameBuilder(BCStyle.INSTANCE);
        for (SubjectRule rule : subject) {
            String value = values.get(rule.attribute());
            if (value == null) {
                if (rule.required()) {
                    throw new PkiException(PkiError.PROFILE_SUBJECT_REQUIRED, field(rule.attribute()), rule.attribute().name(), name);
                }
                continue;
            }
            checkValue(rule, value);
            subjectName.addRDN(rule.attribute().oid(), rule.attribute().encode(value));
        }
        if (!subjectOneOf.isEmpty() && subjectOneOf.stream().noneMatch(values::containsKey)) {
            String names = subjectOneOf.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
            throw new PkiException(PkiError.PROFILE_SUBJECT_ONE_OF_REQUIRED, "subject", name, names);
        }
        List<GeneralName> names = alternativeNames(request.subjectAlternativeNames(), values);
        if (commonNameInSan && values.containsKey(SubjectAttribute.CN)) {
            String commonName = values.get(SubjectAttribute.CN);
            boolean repeated = names.stream().anyMatch(n -> sanText(n).equalsIgnoreCase(commonName));
            if (!repeated) {
                throw new PkiException(PkiError.PROFILE_COMMON_NAME_NOT_IN_SAN, "subject.CN", commonName, name);
            }
        }
        return new CertificateContent(subjectName.build(), names);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<String> issuers() {
        return issuers;
    }

    public Duration validity() {
        return validity;
    }

    /** keyUsage bits (always a critical extension). */
    public int keyUsage() {
        return keyUsage;
    }

    public List<KeyPurposeId> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    public List<ASN1ObjectIdentifier> policies() {
        return policies;
    }

    public boolean ocspNoCheck() {
        return ocspNoCheck;
    }

    public boolean aiaOcsp() {
        return aiaOcsp;
    }

    public boolean aiaCaIssuers() {
        return aiaCaIssuers;
    }

    public boolean crlDistributionPoint() {
        return crlDistributionPoint;
    }

    public boolean extendedKeyUsageCritical() {
        return extendedKeyUsageCritical;
    }

    private Map<SubjectAttribute, String> subjectValues(X500Name requested) {
        Map<SubjectAttribute, String> values = new EnumMap<>(SubjectAttribute.class);
        String allowed = subject.stream().map(r -> r.attribute().name()).collect(Collectors.joining(", "));
        for (RDN rdn : requested.getRDNs()) {
            if (rdn.isMultiValued()) {
                String types = java.util.Arrays.stream(rdn.getTypesAndValues())
                        .map(t -> SubjectAttribute.describe(t.getType())).collect(Collectors.joining("+"));
                throw new PkiException(PkiError.PROFILE_SUBJECT_MULTI_VALUED, "subject", types, name);
            }
            AttributeTypeAndValue typeAndValue = rdn.getFirst();
            SubjectAttribute attribute = SubjectAttribute.byOid(typeAndValue.getType())
                    .filter(a -> subject.stream().anyMatch(r -> r.attribute() == a))
                    .orElseThrow(() -> new PkiException(PkiError.PROFILE_SUBJECT_NOT_ALLOWED,
                            "subject." + SubjectAttribute.describe(typeAndValue.getType()),
                            SubjectAttribute.describe(typeAndValue.getType()), name, allowed));
            if (values.containsKey(attribute)) {
                throw new PkiException(PkiError.PROFILE_SUBJECT_REPEATED, field(attribute), attribute.name(), name);
            }
            if (!(typeAndValue.getValue() instanceof ASN1String text)) {
                throw new PkiException(PkiError.PROFILE_SUBJECT_NOT_TEXT, field(attribute), attribute.name());
            }
            values.put(attribute, text.getString());
        }
        return values;
    }

    private void checkValue(SubjectRule rule, String value) {
        SubjectAttribute attribute = rule.attribute();
        if (value.isBlank() || !value.strip().equals(value)) {
            throw new PkiException(PkiError.PROFILE_SUBJECT_EMPTY, field(attribute), attribute.name());
        }
        int length = value.codePointCount(0, value.length());
        if (length > rule.maxLength()) {
            throw new PkiException(PkiError.PROFILE_SUBJECT_TOO_LONG, field(attribute), attribute.name(),
                    String.valueOf(length), name, String.valueOf(rule.maxLength()));
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c))
                || (attribute.printable() && !PRINTABLE.matcher(value).matches())) {
            throw new PkiException(PkiError.PROFILE_SUBJECT_NOT_PRINTABLE, field(attribute), attribute.name());
        }
        if (rule.pattern() != null && !rule.pattern().matcher(value).matches()) {
            throw new PkiException(PkiError.PROFILE_SUBJECT_PATTERN, field(attribute), attribute.name(), value,
                    rule.pattern().pattern(), name);
        }
    }

    private List<GeneralName> alternativeNames(List<GeneralName> requested, Map<SubjectAttribute, String> subjectValues) {
        Map<SanType, Integer> counts = new EnumMap<>(SanType.class);
        List<GeneralName> accepted = new ArrayList<>();
        for (GeneralName requestedName : requested) {
            SanType type = SanType.byTag(requestedName.getTagNo()).orElse(null);
            SanRule rule = type == null ? null : san.get(type);
            if (rule == null) {
                throw new PkiException(PkiError.PROFILE_SAN_NOT_ALLOWED, "san", SanType.describeTag(requestedName.getTagNo()), name);
            }
            int count = counts.merge(type, 1, Integer::sum);
            if (count > rule.max()) {
                throw new PkiException(PkiError.PROFILE_SAN_TOO_MANY, "san." + type, type.name(), String.valueOf(rule.max()), name);
            }
            accepted.add(checkName(rule, requestedName, subjectValues));
        }
        for (SanRule rule : san.values()) {
            if (rule.required() && !counts.containsKey(rule.type())) {
                throw new PkiException(PkiError.PROFILE_SAN_REQUIRED, "san." + rule.type(), rule.type().name(), name);
            }
        }
        return accepted;
    }

    private GeneralName checkName(SanRule rule, GeneralName requested, Map<SubjectAttribute, String> subjectValues) {
        String field = "san." + rule.type();
        if (rule.type() == SanType.ip) {
            byte[] address = ASN1OctetString.getInstance(requested.getName()).getOctets();
            if (address.length != 4 && address.length != 16) {
                throw new PkiException(PkiError.PROFILE_SAN_INVALID, field, "ip", "(" + address.length + " bytes)",
                        "an address has 4 or 16 bytes");
            }
            String text = ipText(address);
            if (!rule.allowedNetworks().isEmpty() && rule.allowedNetworks().stream().noneMatch(n -> n.contains(address))) {
                throw new PkiException(PkiError.PROFILE_SAN_NETWORK, field, text, name,
                        rule.allowedNetworks().stream().map(SanRule.Network::text).collect(Collectors.joining(", ")));
            }
            return new GeneralName(GeneralName.iPAddress, new DEROctetString(address));
        }
        if (!(requested.getName() instanceof ASN1String string) || !(requested.getName() instanceof DERIA5String)) {
            throw new PkiException(PkiError.PROFILE_SAN_INVALID, field, rule.type().name(), "?", "not an IA5String");
        }
        String value = string.getString();
        switch (rule.type()) {
            case dns -> {
                String lower = value.toLowerCase(Locale.ROOT);
                if (!isDnsName(lower)) {
                    throw new PkiException(PkiError.PROFILE_SAN_INVALID, field, "dns", value,
                            "it must be a host name of letters, digits and hyphens (no wildcard)");
                }
                checkDomain(rule, field, "DNS name", lower, lower);
                return new GeneralName(GeneralName.dNSName, lower);
            }
            case email -> {
                int at = value.lastIndexOf('@');
                String domain = at < 0 ? "" : value.substring(at + 1).toLowerCase(Locale.ROOT);
                if (at < 1 || !EMAIL_LOCAL_PART.matcher(value.substring(0, at)).matches() || !isDnsName(domain)) {
                    throw new PkiException(PkiError.PROFILE_SAN_INVALID, field, "email", value, "it must be local-part@domain in ASCII");
                }
                checkDomain(rule, field, "E-mail domain", domain, value);
                checkPattern(rule, field, value, subjectValues);
                return new GeneralName(GeneralName.rfc822Name, value.substring(0, at) + "@" + domain);
            }
            case uri -> {
                try {
                    URI uri = new URI(value);
                    if (!uri.isAbsolute() || value.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
                        throw new URISyntaxException(value, "not absolute");
                    }
                } catch (URISyntaxException e) {
                    throw new PkiException(PkiError.PROFILE_SAN_INVALID, field, "uri", value, "it must be an absolute URI");
                }
                checkPattern(rule, field, value, subjectValues);
                return new GeneralName(GeneralName.uniformResourceIdentifier, value);
            }
            default -> throw new IllegalStateException(rule.type().name());
        }
    }

    private void checkDomain(SanRule rule, String field, String what, String domain, String value) {
        if (!rule.allowedDomains().isEmpty()
                && rule.allowedDomains().stream().noneMatch(d -> domain.equals(d) || domain.endsWith("." + d))) {
            throw new PkiException(PkiError.PROFILE_SAN_DOMAIN, field, what, value, name, String.join(", ", rule.allowedDomains()));
        }
    }

    private void checkPattern(SanRule rule, String field, String value, Map<SubjectAttribute, String> subjectValues) {
        if (rule.patternTemplate() == null) {
            return;
        }
        Pattern pattern = Pattern.compile(resolvePlaceholders(rule.patternTemplate(), subjectValues));
        if (!pattern.matcher(value).matches()) {
            throw new PkiException(PkiError.PROFILE_SAN_PATTERN, field, rule.type().name(), value,
                    rule.patternTemplate(), name);
        }
    }

    /** Replaces {@code {CN}} and the like by the quoted subject value; a missing field can match nothing. */
    static String resolvePlaceholders(String template, Map<SubjectAttribute, String> subjectValues) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String value = SubjectAttribute.byName(matcher.group(1)).map(subjectValues::get).orElse(null);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value == null ? "(?!)" : Pattern.quote(value)));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private static boolean isDnsName(String name) {
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!DNS_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String sanText(GeneralName name) {
        if (name.getTagNo() == GeneralName.iPAddress) {
            return ipText(ASN1OctetString.getInstance(name.getName()).getOctets());
        }
        ASN1Encodable value = name.getName();
        return value instanceof ASN1String s ? s.getString() : "";
    }

    private static String ipText(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    private static String field(SubjectAttribute attribute) {
        return "subject." + attribute.name();
    }

    @Override
    public String toString() {
        return "CertificateProfile[" + name + "]";
    }
}
