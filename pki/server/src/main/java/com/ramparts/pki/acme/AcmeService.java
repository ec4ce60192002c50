package com.ramparts.pki.acme;

import com.ramparts.pki.audit.AuditActor;
import com.ramparts.pki.audit.AuditEvent;
import com.ramparts.pki.audit.AuditLog;
import com.ramparts.pki.ca.CaSigner;
import com.ramparts.pki.ca.CertificateAuthorities;
import com.ramparts.pki.csr.CertificationRequests;
import com.ramparts.pki.csr.ParsedCsr;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.ra.unit.Unit;
import com.ramparts.pki.ra.unit.Units;
import com.ramparts.pki.revocation.RevocationReason;
import com.ramparts.pki.revocation.RevocationService;
import com.ramparts.pki.x509.Pem;
import com.ramparts.pki.x509.SerialNumbers;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The decisions of ACME: accounts and their binding to a unit, which names an account may order,
 * domain validation, and when an order is issued or a certificate revoked. Certificates come from
 * {@link IssuanceService#issue}; this class adds who asks and what they proved.
 */
class AcmeService {

    static final int MAX_IDENTIFIERS = 100;
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern MAILTO = Pattern.compile("mailto:[^\\s,?]{1,250}@[^\\s,?]{1,250}");
    /** RFC 5280 reasons a subscriber may give; hold and removeFromCRL are the RA's, CA/AA compromise are not about leaves. */
    private static final Set<RevocationReason> SUBSCRIBER_REASONS = Set.of(RevocationReason.unspecified, RevocationReason.keyCompromise,
            RevocationReason.affiliationChanged, RevocationReason.superseded, RevocationReason.cessationOfOperation,
            RevocationReason.privilegeWithdrawn);
    private static final Map<String, String> MAC_ALGORITHMS = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384", "HS512", "HmacSHA512");

    private final AcmeAccounts accounts;
    private final AcmeOrders orders;
    private final ExternalAccountKeys externalKeys;
    private final Units units;
    private final Http01Validator validator;
    private final IssuanceService issuance;
    private final RevocationService revocation;
    private final CertificateInventory inventory;
    private final CertificateAuthorities cas;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final String profile;
    private final boolean requireExternalAccountBinding;
    private final Duration orderValidity;
    private final int csrMaxBytes;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    AcmeService(AcmeAccounts accounts, AcmeOrders orders, ExternalAccountKeys externalKeys, Units units, Http01Validator validator,
                IssuanceService issuance, RevocationService revocation, CertificateInventory inventory, CertificateAuthorities cas,
                TransactionTemplate transaction, JsonMapper json, String profile, boolean requireExternalAccountBinding,
                Duration orderValidity, int csrMaxBytes, Clock clock, AuditLog audit) {
        this.accounts = accounts;
        this.orders = orders;
        this.externalKeys = externalKeys;
        this.units = units;
        this.validator = validator;
        this.issuance = issuance;
        this.revocation = revocation;
        this.inventory = inventory;
        this.cas = cas;
        this.transaction = transaction;
        this.json = json;
        this.profile = profile;
        this.requireExternalAccountBinding = requireExternalAccountBinding;
        this.orderValidity = orderValidity;
        this.csrMaxBytes = csrMaxBytes;
        this.clock = clock;
        this.audit = audit;
    }

    boolean externalAccountRequired() {
        return requireExternalAccountBinding;
    }

    /** @param created false when the key already had an account (RFC 8555 7.3.1: 200 with its URL) */
    record AccountResult(AcmeAccounts.Account account, boolean created) {
    }

    AccountResult newAccount(JwsVerifier.Verified request, AcmeUrls urls) {
        JsonNode payload = request.payload();
        if (payload == null) {
            throw AcmeProblem.malformed("newAccount needs a payload");
        }
        Optional<AcmeAccounts.Account> existing = accounts.findByThumbprint(request.jwk().thumbprint());
        if (existing.isPresent()) {
            if (!existing.get().valid()) {
                throw AcmeProblem.unauthorized("the account of this key is " + existing.get().status());
            }
            return new AccountResult(existing.get(), false);
        }
        if (bool(payload, "onlyReturnExisting")) {
            throw AcmeProblem.accountDoesNotExist("no account has this key");
        }
        List<String> contact = contact(payload.get("contact"));
        JsonNode binding = payload.get("externalAccountBinding");
        if (binding == null || binding.isNull()) {
            if (requireExternalAccountBinding) {
                throw AcmeProblem.externalAccountRequired("accounts must be bound to a unit: ask the RA for an external account "
                        + "binding key (certbot --eab-kid ... --eab-hmac-key ...)");
            }
        }
        String keyId = null;
        String unit = null;
        if (binding != null && !binding.isNull()) {
            keyId = checkBinding(binding, request.jwk(), urls);
            unit = externalKeys.usable(keyId, clock.instant()).orElseThrow().unit();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        AcmeAccounts.Account account = new AcmeAccounts.Account(randomId(), request.jwk().thumbprint(), request.jwk().canonical(), "valid",
                contact, unit, now);
        String bindingKey = keyId;
        try {
            transaction.executeWithoutResult(status -> {
                if (bindingKey != null && !externalKeys.spend(bindingKey, account.id(), now)) {
                    throw AcmeProblem.unauthorized("the external account binding key is unknown, used or expired");
                }
                accounts.insert(account, bindingKey);
                audit.append(AuditEvent.of("acme.account.created", actor(account), account.id(), details(account, bindingKey)));
            });
        } catch (DuplicateKeyException raced) { // the same key registered by a concurrent request
            return new AccountResult(accounts.findByThumbprint(account.thumbprint()).orElseThrow(), false);
        }
        return new AccountResult(account, true);
    }

    /** Checks an external account binding (RFC 8555 7.3.4) and returns its key id. */
    private String checkBinding(JsonNode binding, Jwk accountKey, AcmeUrls urls) {
        if (!binding.isObject()) {
            throw AcmeProblem.malformed("externalAccountBinding is not a JWS object");
        }
        Jws jws = Jws.parse(json.writeValueAsBytes(binding), json);
        String algorithm = jws.algorithm();
        if (algorithm == null || !MAC_ALGORITHMS.containsKey(algorithm)) {
            throw AcmeProblem.badSignatureAlgorithm("externalAccountBinding must be MACed with HS256, HS384 or HS512");
        }
        if (jws.header().has("nonce")) {
            throw AcmeProblem.malformed("externalAccountBinding must not carry a nonce");
        }
        if (!urls.newAccount().equals(jws.url())) {
            throw AcmeProblem.unauthorized("externalAccountBinding's url must be " + urls.newAccount());
        }
        String keyId = jws.kid();
        if (keyId == null) {
            throw AcmeProblem.malformed("externalAccountBinding has no kid");
        }
        Jwk bound = Jwk.parse(Jws.readObject(jws.payload(), json, "externalAccountBinding's payload"));
        if (!bound.thumbprint().equals(accountKey.thumbprint())) {
            throw AcmeProblem.unauthorized("externalAccountBinding binds another key than the account's");
        }
        ExternalAccountKeys.Usable usable = externalKeys.usable(keyId, clock.instant())
                .orElseThrow(() -> AcmeProblem.unauthorized("the external account binding key is unknown, used or expired"));
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHMS.get(algorithm));
            mac.init(new SecretKeySpec(usable.hmacKey(), mac.getAlgorithm()));
            if (!MessageDigest.isEqual(mac.doFinal(jws.signingInput()), jws.signature())) {
                throw AcmeProblem.unauthorized("the external account binding's MAC does not verify");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return keyId;
    }

    AcmeAccounts.Account updateAccount(JwsVerifier.Verified request, String accountId) {
        AcmeAccounts.Account account = request.requireAccount();
        if (!account.id().equals(accountId)) {
            throw AcmeProblem.unauthorized("an account may only change itself");
        }
        JsonNode payload = request.payload();
        if (payload == null) {
            return account;
        }
        if (payload.has("contact")) {
            accounts.updateContact(account.id(), contact(payload.get("contact")));
        }
        if (payload.has("status")) {
            String status = text(payload, "status");
            if (!"deactivated".equals(status)) {
                throw AcmeProblem.malformed("an account's status can only be set to deactivated");
            }
            transaction.executeWithoutResult(tx -> {
                if (accounts.deactivate(account.id())) {
                    audit.append(AuditEvent.of("acme.account.deactivated", actor(account), account.id(), Map.of()));
                }
            });
        }
        return accounts.find(account.id()).orElseThrow();
    }

    AcmeOrders.Order newOrder(JwsVerifier.Verified request) {
        AcmeAccounts.Account account = request.requireAccount();
        JsonNode payload = request.payload();
        if (payload == null) {
            throw AcmeProblem.malformed("newOrder needs a payload");
        }
        if (payload.has("notBefore") || payload.has("notAfter")) {
            throw AcmeProblem.malformed("notBefore and notAfter are not supported: the " + profile + " profile sets the validity");
        }
        JsonNode list = payload.get("identifiers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw AcmeProblem.malformed("identifiers must be a non-empty array");
        }
        if (list.size() > MAX_IDENTIFIERS) {
            throw AcmeProblem.rejectedIdentifier("an order may have at most " + MAX_IDENTIFIERS + " identifiers");
        }
        Optional<Unit> unit = account.unitCode() == null ? Optional.empty() : units.find(account.unitCode());
        if (account.unitCode() != null && unit.isEmpty()) {
            throw AcmeProblem.rejectedIdentifier("the account's unit " + account.unitCode() + " no longer exists");
        }
        LinkedHashSet<AcmeOrders.Identifier> identifiers = new LinkedHashSet<>();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw AcmeProblem.malformed("each identifier must be an object with type and value");
            }
            String type = text(item, "type");
            String value = text(item, "value");
            if (!"dns".equals(type)) {
                throw AcmeProblem.unsupportedIdentifier("identifier type " + type + " is not supported: only dns");
            }
            String name = dnsName(value);
            if (unit.isPresent() && !unit.get().allowsDnsName(name)) {
                throw AcmeProblem.rejectedIdentifier(name + " is not within unit " + unit.get().code() + "'s domains "
                        + unit.get().allowedDomains());
            }
            identifiers.add(new AcmeOrders.Identifier("dns", name));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(orderValidity);
        AcmeOrders.Order order = new AcmeOrders.Order(randomId(), account.id(), "pending", List.copyOf(identifiers), expires, now, null, null);
        List<AcmeOrders.Authorization> authorizations = new ArrayList<>();
        for (AcmeOrders.Identifier identifier : identifiers) {
            byte[] token = new byte[32];
            random.nextBytes(token);
            authorizations.add(new AcmeOrders.Authorization(randomId(), order.id(), identifier, "pending", expires, Base64Url.encode(token),
                    "pending", null, null));
        }
        transaction.executeWithoutResult(status -> orders.insert(order, authorizations));
        return order;
    }

    AcmeOrders.Order order(JwsVerifier.Verified request, String orderId) {
        AcmeOrders.Order order = orders.find(orderId).orElseThrow(() -> AcmeProblem.notFound("order " + orderId));
        owned(request, order.accountId(), "order");
        return order;
    }

    List<String> authorizationIds(AcmeOrders.Order order) {
        return orders.authorizations(order.id()).stream().map(AcmeOrders.Authorization::id).toList();
    }

    List<String> orderIds(JwsVerifier.Verified request, String accountId) {
        AcmeAccounts.Account account = request.requireAccount();
        if (!account.id().equals(accountId)) {
            throw AcmeProblem.unauthorized("an account may only list its own orders");
        }
        return orders.orderIds(accountId);
    }

    AcmeOrders.Authorization authorization(JwsVerifier.Verified request, String authorizationId) {
        AcmeOrders.Authorization authorization = ownedAuthorization(request, authorizationId);
        JsonNode payload = request.payload();
        if (payload != null && payload.has("status")) {
            if (!"deactivated".equals(text(payload, "status"))) {
                throw AcmeProblem.malformed("an authorization's status can only be set to deactivated");
            }
            orders.deactivateAuthorization(authorizationId);
            orders.changeStatus(authorization.orderId(), "pending", "invalid", null, "an authorization was deactivated");
            orders.changeStatus(authorization.orderId(), "ready", "invalid", null, "an authorization was deactivated");
            return orders.findAuthorization(authorizationId).orElseThrow();
        }
        return authorization;
    }

    /**
     * A challenge: POST-as-GET reads it; any payload (certbot sends {@code {}}) asks for validation,
     * which runs at once, before the answer. A challenge is validated once: its result stays.
     */
    AcmeOrders.Authorization challenge(JwsVerifier.Verified request, String challengeId) {
        AcmeOrders.Authorization authorization = ownedAuthorization(request, challengeId);
        if (request.payload() == null || !orders.startChallenge(challengeId)) {
            return authorization;
        }
        Instant now = clock.instant();
        if (!now.isBefore(authorization.expiresAt())) {
            orders.finishChallenge(challengeId, false, now, "the authorization expired");
            orders.changeStatus(authorization.orderId(), "pending", "invalid", null, "an authorization expired");
            return orders.findAuthorization(challengeId).orElseThrow();
        }
        String keyAuthorization = authorization.token() + "." + request.jwk().thumbprint();
        try {
            validator.validate(authorization.identifier().value(), authorization.token(), keyAuthorization);
            orders.finishChallenge(challengeId, true, now.truncatedTo(ChronoUnit.SECONDS), null);
            boolean allValid = orders.authorizations(authorization.orderId()).stream().allMatch(a -> "valid".equals(a.status()));
            if (allValid) {
                orders.changeStatus(authorization.orderId(), "pending", "ready", null, null);
            }
        } catch (AcmeProblem failed) {
            String error = failed.type() + " " + failed.status() + " " + truncate(failed.getMessage(), 900);
            orders.finishChallenge(challengeId, false, now, error);
            orders.changeStatus(authorization.orderId(), "pending", "invalid", null, error);
        }
        return orders.findAuthorization(challengeId).orElseThrow();
    }

    /** Finalize (RFC 8555 7.4): the CSR must name exactly the order's identifiers; a refused CSR leaves the order ready. */
    AcmeOrders.Order finalizeOrder(JwsVerifier.Verified request, String orderId) {
        AcmeOrders.Order order = order(request, orderId);
        if (!"ready".equals(order.status())) {
            throw AcmeProblem.orderNotReady("order " + orderId + " is " + order.status() + ", not ready");
        }
        if (!clock.instant().isBefore(order.expiresAt())) {
            throw AcmeProblem.orderNotReady("order " + orderId + " expired");
        }
        JsonNode payload = request.payload();
        if (payload == null) {
            throw AcmeProblem.malformed("finalize needs a payload with csr");
        }
        byte[] csr = Base64Url.decode(text(payload, "csr"), "csr");
        ParsedCsr parsed;
        try {
            parsed = CertificationRequests.parse(csr, csrMaxBytes);
        } catch (PkiException e) {
            throw AcmeProblem.badCsr(e.error().code() + ": " + e.getMessage());
        }
        Set<String> requested = namesOf(parsed);
        Set<String> ordered = new TreeSet<>(order.identifiers().stream().map(AcmeOrders.Identifier::value).toList());
        if (!requested.equals(ordered)) {
            throw AcmeProblem.badCsr("the CSR names " + requested + " but the order is for " + ordered);
        }
        AcmeAccounts.Account account = request.requireAccount();
        try {
            return transaction.execute(status -> {
                if (!orders.changeStatus(orderId, "ready", "processing", null, null)) {
                    throw AcmeProblem.orderNotReady("order " + orderId + " is being finalized by another request");
                }
                IssuedCertificate issued = issuance.issue(new IssuanceRequest(csr, profile, null, "acme:" + account.id()
                        + (account.unitCode() == null ? "" : ":" + account.unitCode())));
                orders.changeStatus(orderId, "processing", "valid", SerialNumbers.hex(issued.record().serialNumber()), null);
                return orders.find(orderId).orElseThrow();
            });
        } catch (PkiException e) {
            if (e.error().kind() == PkiError.Kind.UNAVAILABLE) {
                throw AcmeProblem.unavailable(e.getMessage());
            }
            throw AcmeProblem.badCsr(e.error().code() + ": " + e.getMessage());
        }
    }

    /** The certificate and its issuing CAs (not the self-signed root), PEM (RFC 8555 7.4.2). */
    String certificateChain(JwsVerifier.Verified request, String serialHex) {
        AcmeOrders.Order order = orders.findByCertificate(serialHex).orElseThrow(() -> AcmeProblem.notFound("certificate " + serialHex));
        owned(request, order.accountId(), "certificate");
        CertificateRecord record = inventory.find(new BigInteger(serialHex, 16)).orElseThrow(() -> AcmeProblem.notFound("certificate " + serialHex));
        List<X509CertificateHolder> chain = new ArrayList<>();
        try {
            chain.add(new X509CertificateHolder(record.der()));
        } catch (IOException e) {
            throw AcmeProblem.serverInternal("the stored certificate cannot be read");
        }
        CaSigner ca = cas.find(record.caName()).orElseThrow(() -> AcmeProblem.unavailable("CA " + record.caName() + " is not online"));
        ca.chain().stream().filter(c -> !c.getSubject().equals(c.getIssuer())).forEach(chain::add);
        return Pem.certificates(chain);
    }

    /**
     * revokeCert (RFC 8555 7.6): by the account that ordered the certificate (kid), or by whoever
     * holds the certificate's key (jwk of that key).
     */
    void revoke(JwsVerifier.Verified request) {
        JsonNode payload = request.payload();
        if (payload == null) {
            throw AcmeProblem.malformed("revokeCert needs a payload with certificate");
        }
        byte[] der = Base64Url.decode(text(payload, "certificate"), "certificate");
        X509CertificateHolder certificate;
        try {
            certificate = new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw AcmeProblem.malformed("certificate is not a DER X.509 certificate");
        }
        CertificateRecord record = inventory.find(certificate.getSerialNumber()).filter(r -> Arrays.equals(r.der(), der))
                .orElseThrow(() -> AcmeProblem.notFound("the certificate (not issued by this server)"));
        String serialHex = SerialNumbers.hex(record.serialNumber());
        String actor;
        if (request.account().isPresent()) {
            AcmeAccounts.Account account = request.account().get();
            boolean ordered = orders.findByCertificate(serialHex).map(o -> o.accountId().equals(account.id())).orElse(false);
            if (!ordered) {
                throw AcmeProblem.unauthorized("this account did not order the certificate");
            }
            actor = "acme:" + account.id();
        } else {
            byte[] key;
            try {
                key = certificate.getSubjectPublicKeyInfo().getEncoded();
            } catch (IOException e) {
                throw AcmeProblem.malformed("the certificate's key cannot be read");
            }
            if (!Arrays.equals(key, request.jwk().key().getEncoded())) {
                throw AcmeProblem.unauthorized("the request is signed neither by the ordering account nor by the certificate's key");
            }
            actor = "acme:certificate-key";
        }
        RevocationReason reason;
        JsonNode reasonNode = payload.get("reason");
        if (reasonNode == null || reasonNode.isNull()) {
            reason = RevocationReason.unspecified;
        } else {
            if (!reasonNode.isIntegralNumber() || !reasonNode.canConvertToInt()) {
                throw AcmeProblem.badRevocationReason("reason must be an RFC 5280 CRLReason code");
            }
            try {
                reason = RevocationReason.of(reasonNode.asInt());
            } catch (IllegalArgumentException e) {
                throw AcmeProblem.badRevocationReason("no CRLReason " + reasonNode.asInt());
            }
            if (!SUBSCRIBER_REASONS.contains(reason)) {
                throw AcmeProblem.badRevocationReason("reason " + reason + " cannot be requested over ACME; allowed: 0, 1, 3, 4, 5, 9");
            }
        }
        if (record.status() == CertificateStatus.REVOKED) {
            throw AcmeProblem.alreadyRevoked("certificate " + serialHex + " is already revoked");
        }
        try {
            revocation.revoke(record.serialNumber(), reason, actor);
        } catch (PkiException e) {
            if (e.error() == PkiError.REVOCATION_ALREADY_REVOKED) {
                throw AcmeProblem.alreadyRevoked("certificate " + serialHex + " is already revoked");
            }
            throw e;
        }
    }

    private static AuditActor actor(AcmeAccounts.Account account) {
        return new AuditActor("acme:" + account.id(), AuditActor.currentSource());
    }

    private static Map<String, String> details(AcmeAccounts.Account account, String bindingKey) {
        Map<String, String> details = new java.util.TreeMap<>(Map.of("keyThumbprint", account.thumbprint()));
        if (account.unitCode() != null) {
            details.put("unit", account.unitCode());
            details.put("eabKeyId", bindingKey);
        }
        return details;
    }

    private AcmeOrders.Authorization ownedAuthorization(JwsVerifier.Verified request, String id) {
        AcmeOrders.Authorization authorization = orders.findAuthorization(id).orElseThrow(() -> AcmeProblem.notFound("authorization " + id));
        AcmeOrders.Order order = orders.find(authorization.orderId()).orElseThrow();
        owned(request, order.accountId(), "authorization");
        return authorization;
    }

    private static void owned(JwsVerifier.Verified request, String accountId, String what) {
        if (!request.requireAccount().id().equals(accountId)) {
            throw AcmeProblem.unauthorized("the " + what + " belongs to another account");
        }
    }

    /** Every DNS name the CSR asks for (SAN dNSNames and a CN), lower case; any other name is refused. */
    private static Set<String> namesOf(ParsedCsr csr) {
        Set<String> names = new TreeSet<>();
        for (GeneralName name : csr.subjectAlternativeNames()) {
            if (name.getTagNo() != GeneralName.dNSName) {
                throw AcmeProblem.badCsr("the CSR may only name DNS names; it has a subjectAltName of another type");
            }
            names.add(((ASN1String) name.getName()).getString().toLowerCase(Locale.ROOT));
        }
        for (RDN rdn : csr.subject().getRDNs(BCStyle.CN)) {
            if (rdn.getFirst().getValue() instanceof ASN1String text) {
                names.add(text.getString().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** A DNS name as ACME carries it: lower case, no trailing dot, LDH labels, no wildcard (http-01 cannot prove one). */
    static String dnsName(String value) {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            throw AcmeProblem.rejectedIdentifier(value + ": wildcard names need dns-01, which this server does not offer");
        }
        if (name.isEmpty() || name.length() > 253 || name.endsWith(".")) {
            throw AcmeProblem.rejectedIdentifier("'" + value + "' is not a DNS name");
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            throw AcmeProblem.rejectedIdentifier(value + " is not a fully qualified DNS name");
        }
        for (String label : labels) {
            if (!DNS_LABEL.matcher(label).matches()) {
                throw AcmeProblem.rejectedIdentifier("'" + value + "' is not a DNS name");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw AcmeProblem.rejectedIdentifier(value + " looks like an IP address; only dns identifiers are supported");
        }
        return name;
    }

    private static List<String> contact(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > 4) {
            throw AcmeProblem.malformed("contact must be an array of at most 4 mailto: URLs");
        }
        List<String> contact = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString() || !MAILTO.matcher(item.asString()).matches()) {
                throw new AcmeProblem("invalidContact", 400, "contact " + item + " is not a mailto: URL");
            }
            contact.add(item.asString());
        }
        return contact;
    }

    private static boolean bool(JsonNode payload, String member) {
        JsonNode value = payload.get(member);
        return value != null && value.isBoolean() && value.asBoolean();
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isString()) {
            throw AcmeProblem.malformed(member + " is missing or not a string");
        }
        return value.asString();
    }

    private String randomId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
