package com.ramparts.pki.profile;

import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.x509.KeyAlgorithm;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The compiled profiles by name. Compiling checks every setting and stops the start with a message
 * naming the key ({@code ramparts.pki.profiles.<name>.<setting>}) at the first bad one.
 */
public final class Profiles {

    /** id-kp-documentSigning, RFC 9336. */
    public static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36"));

    private static final Map<String, Integer> KEY_USAGES = Map.of(
            "digitalsignature", KeyUsage.digitalSignature,
            "nonrepudiation", KeyUsage.nonRepudiation,
            "contentcommitment", KeyUsage.nonRepudiation,
            "keyencipherment", KeyUsage.keyEncipherment,
            "dataencipherment", KeyUsage.dataEncipherment,
            "keyagreement", KeyUsage.keyAgreement);

    private static final Map<String, KeyPurposeId> EXTENDED_KEY_USAGES = Map.of(
            "serverauth", KeyPurposeId.id_kp_serverAuth,
            "clientauth", KeyPurposeId.id_kp_clientAuth,
            "emailprotection", KeyPurposeId.id_kp_emailProtection,
            "codesigning", KeyPurposeId.id_kp_codeSigning,
            "timestamping", KeyPurposeId.id_kp_timeStamping,
            "ocspsigning", KeyPurposeId.id_kp_OCSPSigning,
            "documentsigning", DOCUMENT_SIGNING);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

    private final Map<String, CertificateProfile> byName;

    private Profiles(Map<String, CertificateProfile> byName) {
        this.byName = byName;
    }

    /** Compiles the configured profiles; {@code caNames} are the CAs profiles may name as issuers (not checked if empty). */
    public static Profiles compile(Map<String, PkiProperties.Profile> configured, Set<String> caNames) {
        Map<String, CertificateProfile> compiled = new LinkedHashMap<>();
        configured.forEach((name, profile) -> compiled.put(name, compile(name, profile, caNames)));
        return new Profiles(Map.copyOf(compiled));
    }

    /** The profile of that name, or a refusal listing the known ones. */
    public CertificateProfile require(String name) {
        CertificateProfile profile = name == null ? null : byName.get(name);
        if (profile == null) {
            throw new PkiException(PkiError.PROFILE_UNKNOWN, "profile", String.valueOf(name), String.join(", ", names()));
        }
        return profile;
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    private static CertificateProfile compile(String name, PkiProperties.Profile profile, Set<String> caNames) {
        String key = "ramparts.pki.profiles." + name;
        check(NAME.matcher(name).matches(), key, "profile names are 1-63 characters of a-z 0-9 -");
        check(!profile.issuers().isEmpty(), key + ".issuers", "name at least one CA");
        for (String issuer : profile.issuers()) {
            check(caNames.isEmpty() || caNames.contains(issuer), key + ".issuers",
                    "CA '" + issuer + "' is not configured under ramparts.pki.cas (configured: " + caNames + ")");
        }
        Duration validity = profile.validity();
        check(validity != null && !validity.isNegative() && !validity.isZero() && validity.toDays() <= 3660,
                key + ".validity", "give a validity between 1s and 3660d, e.g. 365d");
        check(!profile.keyTypes().isEmpty(), key + ".key-types", "name at least one key type");
        Set<KeyAlgorithm> keyTypes = EnumSet.noneOf(KeyAlgorithm.class);
        for (String type : profile.keyTypes()) {
            try {
                keyTypes.add(KeyAlgorithm.valueOf(type.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw problem(key + ".key-types", "unknown key type '" + type + "' (use " + List.of(KeyAlgorithm.values()) + ")");
            }
        }
        List<SubjectRule> subject = new ArrayList<>();
        for (int i = 0; i < profile.subject().size(); i++) {
            subject.add(subjectRule(key + ".subject[" + i + "]", profile.subject().get(i), subject));
        }
        check(!subject.isEmpty(), key + ".subject", "allow at least one subject field");
        Set<SubjectAttribute> oneOf = EnumSet.noneOf(SubjectAttribute.class);
        for (String field : profile.subjectOneOf()) {
            SubjectAttribute attribute = SubjectAttribute.byName(field)
                    .filter(a -> subject.stream().anyMatch(r -> r.attribute() == a))
                    .orElseThrow(() -> problem(key + ".subject-one-of", "'" + field + "' is not one of the profile's subject fields"));
            oneOf.add(attribute);
        }
        Map<SanType, SanRule> san = new EnumMap<>(SanType.class);
        addSan(san, SanType.email, profile.san().email(), key + ".san.email");
        addSan(san, SanType.dns, profile.san().dns(), key + ".san.dns");
        addSan(san, SanType.ip, profile.san().ip(), key + ".san.ip");
        addSan(san, SanType.uri, profile.san().uri(), key + ".san.uri");
        int keyUsage = 0;
        for (String usage : profile.keyUsage()) {
            Integer bit = KEY_USAGES.get(usage.toLowerCase(Locale.ROOT));
            check(bit != null, key + ".key-usage", "unknown or CA-only key usage '" + usage + "' (use " + KEY_USAGES.keySet() + ")");
            keyUsage |= bit;
        }
        check(keyUsage != 0, key + ".key-usage", "name at least one key usage");
        List<KeyPurposeId> extendedKeyUsage = new ArrayList<>();
        for (String usage : profile.extendedKeyUsage()) {
            KeyPurposeId purpose = EXTENDED_KEY_USAGES.get(usage.toLowerCase(Locale.ROOT));
            if (purpose == null) {
                check(OID.matcher(usage).matches(), key + ".extended-key-usage",
                        "'" + usage + "' is neither a known name " + EXTENDED_KEY_USAGES.keySet() + " nor a dotted OID");
                purpose = KeyPurposeId.getInstance(new ASN1ObjectIdentifier(usage));
            }
            extendedKeyUsage.add(purpose);
        }
        List<ASN1ObjectIdentifier> policies = new ArrayList<>();
        for (String policy : profile.policies()) {
            check(OID.matcher(policy).matches(), key + ".policies", "'" + policy + "' is not a dotted OID");
            policies.add(new ASN1ObjectIdentifier(policy));
        }
        check(!profile.commonNameInSan() || san.containsKey(SanType.dns) || san.containsKey(SanType.ip),
                key + ".common-name-in-san", "needs dns or ip names to be allowed");
        return new CertificateProfile(name, profile.description(), profile.issuers(), validity, keyTypes, subject, oneOf, san,
                keyUsage, extendedKeyUsage, policies, profile.commonNameInSan(), profile.ocspNoCheck(), profile.aiaOcsp(),
                profile.aiaCaIssuers(), profile.crlDistributionPoint(), profile.extendedKeyUsageCritical());
    }

    private static SubjectRule subjectRule(String key, PkiProperties.SubjectField field, List<SubjectRule> earlier) {
        check(field.field() != null, key + ".field", "name the subject field");
        SubjectAttribute attribute = SubjectAttribute.byName(field.field())
                .orElseThrow(() -> problem(key + ".field", "unknown subject field '" + field.field() + "' (use "
                        + List.of(SubjectAttribute.values()) + ")"));
        check(earlier.stream().noneMatch(r -> r.attribute() == attribute), key + ".field", attribute + " is listed twice");
        int maxLength = attribute.upperBound();
        if (field.maxLength() != null) {
            check(field.maxLength() >= 1 && field.maxLength() <= attribute.upperBound(), key + ".max-length",
                    "must be 1-" + attribute.upperBound() + " (RFC 5280 upper bound for " + attribute + ")");
            maxLength = field.maxLength();
        }
        Pattern pattern = null;
        if (field.pattern() != null) {
            try {
                pattern = Pattern.compile(field.pattern());
            } catch (PatternSyntaxException e) {
                throw problem(key + ".pattern", "not a regular expression: " + e.getDescription());
            }
        }
        return new SubjectRule(attribute, field.required(), pattern, maxLength);
    }

    private static void addSan(Map<SanType, SanRule> san, SanType type, PkiProperties.SanRule rule, String key) {
        if (rule == null) {
            return;
        }
        check(rule.max() >= 1 && rule.max() <= 100, key + ".max", "must be 1-100");
        check(rule.allowedDomains().isEmpty() || type == SanType.dns || type == SanType.email, key + ".allowed-domains",
                "applies to dns and email names only");
        check(rule.allowedNetworks().isEmpty() || type == SanType.ip, key + ".allowed-networks", "applies to ip names only");
        check(rule.pattern() == null || type == SanType.email || type == SanType.uri, key + ".pattern",
                "applies to email and uri names only");
        if (rule.pattern() != null) {
            try {
                Pattern.compile(CertificateProfile.resolvePlaceholders(rule.pattern(), Map.of()));
            } catch (PatternSyntaxException e) {
                throw problem(key + ".pattern", "not a regular expression: " + e.getDescription());
            }
        }
        List<SanRule.Network> networks = new ArrayList<>();
        for (String network : rule.allowedNetworks()) {
            try {
                networks.add(SanRule.Network.parse(network));
            } catch (IllegalArgumentException e) {
                throw problem(key + ".allowed-networks", e.getMessage());
            }
        }
        List<String> domains = rule.allowedDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        san.put(type, new SanRule(type, rule.required(), rule.max(), rule.pattern(), domains, networks));
    }

    private static void check(boolean condition, String key, String problem) {
        if (!condition) {
            throw problem(key, problem);
        }
    }

    private static IllegalStateException problem(String key, String problem) {
        return new IllegalStateException(key + ": " + problem);
    }
}
