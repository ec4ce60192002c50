package com.ramparts.pki.acme;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ACME over HTTPS (RFC 8555 7): the directory and nonce resources, and the POST resources, each of
 * which passes the {@link JwsVerifier} first. Every answer carries a fresh Replay-Nonce and a Link to
 * the directory; refusals are problem documents ({@code application/problem+json}).
 */
@RestController
@RequestMapping(AcmeUrls.ROOT)
class AcmeController {

    private static final Logger log = LoggerFactory.getLogger(AcmeController.class);
    private static final String JOSE = "application/jose+json";
    private static final String PROBLEM = "application/problem+json";

    private final AcmeService acme;
    private final JwsVerifier verifier;
    private final Nonces nonces;
    private final JsonMapper json;
    private final int maxBodyBytes;
    private final boolean requireTls;

    AcmeController(AcmeService acme, JwsVerifier verifier, Nonces nonces, JsonMapper json, int maxBodyBytes, boolean requireTls) {
        this.acme = acme;
        this.verifier = verifier;
        this.nonces = nonces;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.requireTls = requireTls;
    }

    @GetMapping("/directory")
    ResponseEntity<byte[]> directory(HttpServletRequest request) {
        AcmeUrls urls = urls(request);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("externalAccountRequired", acme.externalAccountRequired());
        Map<String, Object> directory = new LinkedHashMap<>();
        directory.put("newNonce", urls.newNonce());
        directory.put("newAccount", urls.newAccount());
        directory.put("newOrder", urls.newOrder());
        directory.put("revokeCert", urls.revokeCert());
        directory.put("meta", meta);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/json").body(json.writeValueAsBytes(directory));
    }

    /** RFC 8555 7.2: HEAD answers 200, GET 204, both with a nonce that must not be cached. */
    @RequestMapping(path = "/new-nonce", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Void> newNonce(HttpServletRequest request) {
        AcmeUrls urls = urls(request);
        int status = "HEAD".equals(request.getMethod()) ? 200 : 204;
        return ResponseEntity.status(status).header("Replay-Nonce", nonces.next()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.LINK, index(urls)).build();
    }

    @PostMapping("/new-account")
    ResponseEntity<byte[]> newAccount(HttpServletRequest request) throws IOException {
        AcmeUrls urls = urls(request);
        JwsVerifier.Verified verified = verify(request, urls, JwsVerifier.KeyReference.JWK);
        AcmeService.AccountResult result = acme.newAccount(verified, urls);
        return answer(result.created() ? 201 : 200, urls)
                .header(HttpHeaders.LOCATION, urls.account(result.account().id())).body(json(account(result.account(), urls)));
    }

    @PostMapping("/acct/{id}")
    ResponseEntity<byte[]> account(HttpServletRequest request, @PathVariable("id") String id) throws IOException {
        AcmeUrls urls = urls(request);
        AcmeAccounts.Account account = acme.updateAccount(verify(request, urls, JwsVerifier.KeyReference.KID), id);
        return answer(200, urls).body(json(account(account, urls)));
    }

    @PostMapping("/acct/{id}/orders")
    ResponseEntity<byte[]> orders(HttpServletRequest request, @PathVariable("id") String id) throws IOException {
        AcmeUrls urls = urls(request);
        List<String> ids = acme.orderIds(verify(request, urls, JwsVerifier.KeyReference.KID), id);
        return answer(200, urls).body(json(Map.of("orders", ids.stream().map(urls::order).toList())));
    }

    @PostMapping("/new-order")
    ResponseEntity<byte[]> newOrder(HttpServletRequest request) throws IOException {
        AcmeUrls urls = urls(request);
        JwsVerifier.Verified verified = verify(request, urls, JwsVerifier.KeyReference.KID);
        AcmeOrders.Order order = acme.newOrder(verified);
        return answer(201, urls).header(HttpHeaders.LOCATION, urls.order(order.id())).body(json(order(order, urls)));
    }

    @PostMapping("/order/{id}")
    ResponseEntity<byte[]> order(HttpServletRequest request, @PathVariable("id") String id) throws IOException {
        AcmeUrls urls = urls(request);
        AcmeOrders.Order order = acme.order(verify(request, urls, JwsVerifier.KeyReference.KID), id);
        return answer(200, urls).body(json(order(order, urls)));
    }

    @PostMapping("/order/{id}/finalize")
    ResponseEntity<byte[]> finalizeOrder(HttpServletRequest request, @PathVariable("id") String id) throws IOException {
        AcmeUrls urls = urls(request);
        AcmeOrders.Order order = acme.finalizeOrder(verify(request, urls, JwsVerifier.KeyReference.KID), id);
        return answer(200, urls).header(HttpHeaders.LOCATION, urls.order(order.id())).body(json(order(order, urls)));
    }

    @PostMapping("/authz/{id}")
    ResponseEntity<byte[]> authorization(HttpServletRequest request, @PathVariable("id") String id) throws IOException {
        AcmeUrls urls = urls(request);
        AcmeOrders.Authorization authorization = acme.authorization(verify(request, urls, JwsVerifier.KeyReference.KID), id);
        return answer(200, urls).body(json(authorization(authorization, urls)));
    }

    @PostMapping("/chall/{id}")
    ResponseEntity<byte[]> challenge(HttpServletRequest request, @PathVariable("id") String id) throws IOException {
        AcmeUrls urls = urls(request);
        AcmeOrders.Authorization authorization = acme.challenge(verify(request, urls, JwsVerifier.KeyReference.KID), id);
        return answer(200, urls).header(HttpHeaders.LINK, "<" + urls.authorization(id) + ">;rel=\"up\"")
                .body(json(challenge(authorization, urls)));
    }

    @PostMapping("/cert/{serial}")
    ResponseEntity<byte[]> certificate(HttpServletRequest request, @PathVariable("serial") String serial) throws IOException {
        AcmeUrls urls = urls(request);
        JwsVerifier.Verified verified = verify(request, urls, JwsVerifier.KeyReference.KID);
        if (!serial.matches("[0-9a-f]{1,40}")) {
            throw AcmeProblem.notFound("certificate " + serial);
        }
        String chain = acme.certificateChain(verified, serial);
        return answer(200, urls).header(HttpHeaders.CONTENT_TYPE, "application/pem-certificate-chain")
                .body(chain.getBytes(StandardCharsets.US_ASCII));
    }

    @PostMapping("/revoke-cert")
    ResponseEntity<byte[]> revokeCert(HttpServletRequest request) throws IOException {
        AcmeUrls urls = urls(request);
        acme.revoke(verify(request, urls, JwsVerifier.KeyReference.EITHER));
        return answer(200, urls).body(new byte[0]);
    }

    @ExceptionHandler(AcmeProblem.class)
    ResponseEntity<byte[]> problem(AcmeProblem problem, HttpServletRequest request) {
        return problemDocument(problem, request);
    }

    @ExceptionHandler(PkiException.class)
    ResponseEntity<byte[]> pki(PkiException e, HttpServletRequest request) {
        AcmeProblem problem = e.error().kind() == PkiError.Kind.UNAVAILABLE ? AcmeProblem.unavailable(e.getMessage())
                : AcmeProblem.malformed(e.error().code() + ": " + e.getMessage());
        return problemDocument(problem, request);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<byte[]> unexpected(RuntimeException e, HttpServletRequest request) {
        log.error("ACME request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problemDocument(AcmeProblem.serverInternal("the server could not handle this request"), request);
    }

    private ResponseEntity<byte[]> problemDocument(AcmeProblem problem, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("detail", problem.getMessage());
        body.put("status", problem.status());
        AcmeUrls urls = new AcmeUrls(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.status()).header(HttpHeaders.CONTENT_TYPE, PROBLEM)
                .header(HttpHeaders.LINK, index(urls));
        try {
            answer.header("Replay-Nonce", nonces.next()); // a client answered badNonce retries with this one
        } catch (RuntimeException e) {
            log.warn("no nonce for a problem document: {}", e.toString());
        }
        return answer.body(json.writeValueAsBytes(body));
    }

    private JwsVerifier.Verified verify(HttpServletRequest request, AcmeUrls urls, JwsVerifier.KeyReference reference) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].strip().equals(JOSE)) {
            throw AcmeProblem.malformed(415, "send Content-Type: " + JOSE);
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw AcmeProblem.malformed(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw AcmeProblem.malformed(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        return verifier.verify(body, urls.base() + request.getRequestURI(), urls, reference);
    }

    private AcmeUrls urls(HttpServletRequest request) {
        if (requireTls && !request.isSecure()) {
            throw AcmeProblem.malformed(403, "ACME needs HTTPS (RFC 8555 6.1)");
        }
        return new AcmeUrls(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
    }

    private ResponseEntity.BodyBuilder answer(int status, AcmeUrls urls) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header("Replay-Nonce", nonces.next()).header(HttpHeaders.LINK, index(urls));
    }

    private static String index(AcmeUrls urls) {
        return "<" + urls.directory() + ">;rel=\"index\"";
    }

    private byte[] json(Object value) {
        return json.writeValueAsBytes(value);
    }

    private static Map<String, Object> account(AcmeAccounts.Account account, AcmeUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", account.status());
        body.put("contact", account.contact());
        body.put("orders", urls.orders(account.id()));
        if (account.unitCode() != null) {
            body.put("unit", account.unitCode()); // an extension field: which unit the binding tied the account to
        }
        return body;
    }

    private Map<String, Object> order(AcmeOrders.Order order, AcmeUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", order.status());
        body.put("expires", time(order.expiresAt()));
        body.put("identifiers", order.identifiers().stream().map(i -> Map.of("type", i.type(), "value", i.value())).toList());
        body.put("authorizations", acmeAuthorizationUrls(order, urls));
        body.put("finalize", urls.finalizeOrder(order.id()));
        if (order.certificateSerial() != null) {
            body.put("certificate", urls.certificate(order.certificateSerial()));
        }
        if (order.error() != null) {
            body.put("error", storedProblem(order.error()));
        }
        return body;
    }

    private List<String> acmeAuthorizationUrls(AcmeOrders.Order order, AcmeUrls urls) {
        return acme.authorizationIds(order).stream().map(urls::authorization).toList();
    }

    private static Map<String, Object> authorization(AcmeOrders.Authorization authorization, AcmeUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identifier", Map.of("type", authorization.identifier().type(), "value", authorization.identifier().value()));
        body.put("status", authorization.status());
        body.put("expires", time(authorization.expiresAt()));
        body.put("challenges", List.of(challenge(authorization, urls)));
        return body;
    }

    private static Map<String, Object> challenge(AcmeOrders.Authorization authorization, AcmeUrls urls) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "http-01");
        body.put("url", urls.challenge(authorization.id()));
        body.put("status", authorization.challengeStatus());
        body.put("token", authorization.token());
        if (authorization.challengeValidated() != null) {
            body.put("validated", time(authorization.challengeValidated()));
        }
        if (authorization.challengeError() != null) {
            body.put("error", storedProblem(authorization.challengeError()));
        }
        return body;
    }

    /** Errors are stored as "{@code <type> <status> <detail>}", or as a bare detail. */
    private static Map<String, Object> storedProblem(String stored) {
        String[] parts = stored.split(" ", 3);
        if (parts.length == 3 && parts[0].startsWith(AcmeProblem.PREFIX) && parts[1].matches("\\d{3}")) {
            return Map.of("type", parts[0], "status", Integer.parseInt(parts[1]), "detail", parts[2]);
        }
        return Map.of("type", AcmeProblem.PREFIX + "unauthorized", "status", 403, "detail", stored);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
