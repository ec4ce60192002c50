package com.ramparts.pki.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the pki service is configured with, under {@code ramparts.pki} (docs/configuration.md
 * and docs/pki.md). Profiles are checked further, with messages naming their keys, when the
 * service compiles them at start.
 *
 * @param dataDir where the service keeps its files (the embedded database, CRLs, OCSP responder keys)
 * @param adminCredentialsFile the first administrator's credentials, created on first start if missing
 * @param publicUrl the plain-HTTP base URL relying parties reach this service at; certificates point
 *                  their CRL distribution point and AIA (OCSP, caIssuers) below it
 * @param csrMaxSize the largest certification request accepted
 * @param requestMaxSize the largest HTTP request body accepted on the API and OCSP
 * @param cas the online (issuing) CAs, by name
 * @param profiles the certificate profiles, by name
 * @param est enrolment over EST (RFC 7030)
 * @param tsa the time-stamping authority (RFC 3161)
 * @param ra the registration authority: approvals, imports, bulk issuance, API tokens, expiry
 * @param audit the hash-chained audit log: checkpoints and publication to Kafka
 * @param acme the ACME server (RFC 8555) for the units' web servers
 * @param cmp the CMP server (RFC 9483 lightweight profile)
 */
@Validated
@ConfigurationProperties("ramparts.pki")
public record PkiProperties(
        @NotNull @DefaultValue("data/pki") Path dataDir,
        @NotNull @DefaultValue("data/secrets/admin-credentials") Path adminCredentialsFile,
        @NotNull @DefaultValue("http://127.0.0.1:8081") URI publicUrl,
        @NotNull @DefaultValue("16KB") DataSize csrMaxSize,
        @NotNull @DefaultValue("64KB") DataSize requestMaxSize,
        Map<String, Ca> cas,
        Map<String, Profile> profiles,
        @NotNull @DefaultValue Crl crl,
        @NotNull @DefaultValue Ocsp ocsp,
        @NotNull @DefaultValue Est est,
        @NotNull @DefaultValue Tsa tsa,
        @NotNull @DefaultValue Ra ra,
        @NotNull @DefaultValue Audit audit,
        @NotNull @DefaultValue Acme acme,
        @NotNull @DefaultValue Cmp cmp) {

    public PkiProperties {
        cas = ordered(cas);
        profiles = ordered(profiles);
    }

    /**
     * An online CA: its PKCS#12 keystore (made by {@code pki ca init-issuing} + {@code install-issuing})
     * and where its passphrase comes from (exactly one of a file or an environment variable).
     */
    public record Ca(@NotNull Path keystore, Path passphraseFile, String passphraseEnv) {
    }

    /**
     * @param validity how long a full CRL is valid (nextUpdate - thisUpdate)
     * @param regenerateBefore a full CRL is regenerated this long before its nextUpdate, by the schedule or the next request
     * @param regenerateOnRevocation also regenerate the full CRL after each revocation (with delta CRLs on, a large CA
     *                               may turn this off and let the delta carry revocations until the schedule)
     * @param checkInterval how often the schedule looks at each CA's CRLs
     * @param delta delta CRLs (RFC 5280 5.2.4)
     */
    public record Crl(@DefaultValue("1d") Duration validity, @DefaultValue("12h") Duration regenerateBefore,
                      @DefaultValue("true") boolean regenerateOnRevocation, @DefaultValue("1m") Duration checkInterval,
                      @DefaultValue CrlDelta delta) {
    }

    /**
     * @param enabled publish {@code /crl/<ca>-delta.crl}, name it in the full CRL's and new certificates' freshestCRL
     * @param validity how long a delta CRL is valid; it is regenerated after a revocation and after half of it
     */
    public record CrlDelta(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration validity) {
    }

    /**
     * @param responseValidity nextUpdate - thisUpdate of each OCSP response
     * @param signerProfile the profile the delegated responder certificates are issued with
     * @param signerRenewBefore a responder certificate closer than this to its end is replaced at start
     * @param maxRequestsPerQuery how many certificates one OCSP request may ask about
     * @param presigned responses signed ahead of time for requests without a nonce (RFC 5019)
     */
    public record Ocsp(@DefaultValue("1h") Duration responseValidity,
                       @DefaultValue("ocsp-signer") String signerProfile,
                       @DefaultValue("7d") Duration signerRenewBefore,
                       @DefaultValue("10") int maxRequestsPerQuery,
                       @DefaultValue OcspPresigned presigned) {
    }

    /**
     * @param enabled sign a response for every unexpired certificate ahead of time and serve it to requests
     *                for one certificate without a nonce
     * @param validity nextUpdate - thisUpdate of a pre-signed response
     * @param refreshBefore a pre-signed response is signed again this long before its nextUpdate
     * @param interval how often the refresher looks for certificates whose response is missing, due or outdated
     *                 (a revocation wakes it at once)
     * @param batch responses signed and stored per transaction
     */
    public record OcspPresigned(@DefaultValue("true") boolean enabled, @DefaultValue("1d") Duration validity,
                                @DefaultValue("12h") Duration refreshBefore, @DefaultValue("1m") Duration interval,
                                @DefaultValue("1000") int batch) {
    }

    /**
     * @param profile the profile EST issues (the agents' client certificate)
     * @param tokenValidity how long an enrolment token lasts when its creator does not say
     * @param tokenMaxValidity the longest validity a creator may ask for
     * @param requireTls refuse enrolment over plain HTTP (RFC 7030 3.3); turn off only behind a TLS-terminating proxy
     *                   that does not forward the scheme
     */
    public record Est(@DefaultValue("agent-tls") String profile,
                      @DefaultValue("72h") Duration tokenValidity,
                      @DefaultValue("30d") Duration tokenMaxValidity,
                      @DefaultValue("true") boolean requireTls) {
    }

    /**
     * @param ca the CA that certifies the TSA key; null for the first online CA
     * @param signerProfile the profile the TSA certificate is issued with
     * @param policy the TSA policy OID every token names (and the only one a request may ask for)
     * @param signerRenewBefore a TSA certificate closer than this to its end is replaced at start
     * @param accuracy the accuracy each token states
     */
    public record Tsa(String ca,
                      @DefaultValue("tsa") String signerProfile,
                      @DefaultValue("2.25.256754908223346645202017183935352256545.2.1") String policy,
                      @DefaultValue("30d") Duration signerRenewBefore,
                      @DefaultValue("1s") Duration accuracy) {
    }

    /**
     * A certificate profile: what a certificate of this kind may contain and which CA issues it.
     *
     * @param issuers the CAs that issue it; the first is the default
     * @param keyTypes allowed subject keys: EC_P256, EC_P384, RSA_2048, RSA_3072, RSA_4096
     * @param subject the subject fields allowed, in the order the certificate's subject lists them
     * @param subjectOneOf at least one of these subject fields must be present
     * @param keyUsage digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement (always critical)
     * @param extendedKeyUsage names (serverAuth, clientAuth, emailProtection, codeSigning, timeStamping,
     *                         OCSPSigning, documentSigning) or dotted OIDs
     * @param policies certificate policy OIDs
     * @param commonNameInSan the subject CN, if present, must repeat one of the DNS/IP names
     * @param ocspNoCheck add id-pkix-ocsp-nocheck (for OCSP responder certificates)
     * @param extendedKeyUsageCritical mark extendedKeyUsage critical (RFC 3161 2.3 requires it of a TSA certificate)
     */
    public record Profile(String description, List<String> issuers, Duration validity, List<String> keyTypes,
                          List<SubjectField> subject, List<String> subjectOneOf, @DefaultValue San san,
                          List<String> keyUsage, List<String> extendedKeyUsage, List<String> policies,
                          boolean commonNameInSan, boolean ocspNoCheck,
                          @DefaultValue("true") boolean aiaOcsp, @DefaultValue("true") boolean aiaCaIssuers,
                          @DefaultValue("true") boolean crlDistributionPoint, boolean extendedKeyUsageCritical) {

        public Profile {
            issuers = listOrEmpty(issuers);
            keyTypes = listOrEmpty(keyTypes);
            subject = listOrEmpty(subject);
            subjectOneOf = listOrEmpty(subjectOneOf);
            keyUsage = listOrEmpty(keyUsage);
            extendedKeyUsage = listOrEmpty(extendedKeyUsage);
            policies = listOrEmpty(policies);
        }
    }

    /**
     * One allowed subject field.
     *
     * @param field C, ST, L, O, OU, CN, serialNumber, UID, title, organizationIdentifier, givenName, surname
     * @param pattern a regular expression the whole value must match, or null
     * @param maxLength overrides the RFC 5280 upper bound downwards, or null
     */
    public record SubjectField(String field, boolean required, String pattern, Integer maxLength) {
    }

    /** Subject alternative names by type; a type left out is not allowed. */
    public record San(SanRule email, SanRule dns, SanRule ip, SanRule uri) {
    }

    /**
     * @param max how many names of this type at most
     * @param pattern (email, uri) a regular expression the whole name must match; {@code {CN}} and other
     *                subject field names in braces stand for that field's value
     * @param allowedDomains (dns, email) names must equal or end in one of these domains; empty allows any
     * @param allowedNetworks (ip) addresses must be in one of these CIDR blocks; empty allows any
     */
    public record SanRule(boolean required, @DefaultValue("1") int max, String pattern, List<String> allowedDomains,
                          List<String> allowedNetworks) {

        public SanRule {
            allowedDomains = listOrEmpty(allowedDomains);
            allowedNetworks = listOrEmpty(allowedNetworks);
        }
    }

    /**
     * The registration authority.
     *
     * @param approvals approvals a request needs, by profile (unlisted profiles: 1; 0 issues on submission);
     *                  unit-signing never needs fewer than two (dual control)
     * @param importMaxSize the largest units or staff CSV accepted
     * @param bulk bulk staff issuance limits
     * @param tokenMaxValidity the longest an API token may live
     * @param expiry the daily expiry report
     */
    public record Ra(Map<String, Integer> approvals, @DefaultValue("16MB") DataSize importMaxSize,
                     @DefaultValue Bulk bulk, @DefaultValue("365d") Duration tokenMaxValidity,
                     @DefaultValue Expiry expiry) {

        public Ra {
            approvals = ordered(approvals);
        }
    }

    /**
     * @param maxUploadSize the largest bulk request (CSV + zip) accepted
     * @param maxEntries the most entries a zip of CSRs may hold
     * @param maxUncompressedSize the most bytes a zip of CSRs may expand to
     * @param profile the profile bulk jobs issue (its RA record check is the staff member's)
     * @param threads how many rows of a job are issued at once on this instance
     * @param pollInterval how often an instance looks for approved jobs with rows left (a restart resumes them)
     */
    public record Bulk(@DefaultValue("256MB") DataSize maxUploadSize, @DefaultValue("200000") int maxEntries,
                       @DefaultValue("1GB") DataSize maxUncompressedSize, @DefaultValue("staff-signing") String profile,
                       @DefaultValue("2") int threads, @DefaultValue("5s") Duration pollInterval) {
    }

    /** @param days the report lists certificates expiring within this many days; @param cron when it runs */
    public record Expiry(@DefaultValue("30") int days, @DefaultValue("0 0 6 * * *") String cron) {
    }

    /**
     * @param checkpointInterval how often the head of the chain is signed by the CA
     * @param checkpointCa the CA that signs checkpoints; the first configured CA if null
     * @param kafka publication of the entries to the SOC
     */
    public record Audit(@DefaultValue("1h") Duration checkpointInterval, String checkpointCa, @DefaultValue AuditKafka kafka) {
    }

    /**
     * @param bootstrapServers the Kafka cluster; publication is off when blank
     * @param topic where entries go, in chain order (one key)
     * @param interval how often the outbox is drained
     */
    public record AuditKafka(String bootstrapServers, @DefaultValue("pki.audit") String topic,
                             @DefaultValue("2s") Duration interval) {
    }

    /**
     * @param profile the profile ACME issues
     * @param requireExternalAccountBinding new accounts must carry an external account binding (RFC 8555 7.3.4), which
     *                                      ties them to a unit; when off, unbound accounts may order any name the profile allows
     * @param http01Port the port http-01 challenges are fetched from (80 in production; tests point it at certbot's)
     * @param validationTimeout connect and read timeout of one http-01 fetch
     * @param validationHosts host name to IP address, used before DNS when validating (split-horizon names, tests)
     * @param orderValidity how long an order and its authorizations stay usable
     * @param nonceValidity how long an unused Replay-Nonce stays valid
     * @param eabKeyMaxValidity the longest an external account binding key may stay unused
     * @param requireTls refuse ACME over plain HTTP (RFC 8555 6.1); turn off only behind a TLS-terminating proxy
     */
    public record Acme(@DefaultValue("server-tls") String profile,
                       @DefaultValue("true") boolean requireExternalAccountBinding,
                       @DefaultValue("80") int http01Port,
                       @DefaultValue("10s") Duration validationTimeout,
                       Map<String, String> validationHosts,
                       @DefaultValue("7d") Duration orderValidity,
                       @DefaultValue("1h") Duration nonceValidity,
                       @DefaultValue("30d") Duration eabKeyMaxValidity,
                       @DefaultValue("true") boolean requireTls) {

        public Acme {
            validationHosts = ordered(validationHosts);
        }
    }

    /**
     * @param profile the profile CMP issues
     * @param secretValidity how long a one-time CMP enrolment secret lasts when its creator does not say
     * @param secretMaxValidity the longest validity a creator may ask for
     * @param requireTls refuse CMP over plain HTTP; off by default because CMP messages carry their own protection
     * @param signerProfile the profile of the key that signs responses to signature-protected requests (kur, rr)
     * @param signerRenewBefore a CMP signer certificate closer than this to its end is replaced at start
     * @param maxMacIterations the most PasswordBasedMac iterations a request may ask the server to compute
     */
    public record Cmp(@DefaultValue("agent-tls") String profile,
                      @DefaultValue("72h") Duration secretValidity,
                      @DefaultValue("30d") Duration secretMaxValidity,
                      @DefaultValue("false") boolean requireTls,
                      @DefaultValue("cmp-signer") String signerProfile,
                      @DefaultValue("7d") Duration signerRenewBefore,
                      @DefaultValue("100000") int maxMacIterations) {
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static <T> Map<String, T> ordered(Map<String, T> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
