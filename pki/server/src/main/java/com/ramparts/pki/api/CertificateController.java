package com.ramparts.pki.api;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.inventory.CertificateInventory;
import com.ramparts.pki.inventory.CertificateRecord;
import com.ramparts.pki.inventory.CertificateStatus;
import com.ramparts.pki.issuance.IssuanceRequest;
import com.ramparts.pki.issuance.IssuanceService;
import com.ramparts.pki.issuance.IssuedCertificate;
import com.ramparts.pki.revocation.RevocationReason;
import com.ramparts.pki.revocation.RevocationService;
import com.ramparts.pki.x509.Pem;
import com.ramparts.pki.x509.SerialNumbers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code /api/v1/certificates}: issue from a CSR, read one, list, revoke. */
@RestController
@RequestMapping("/api/v1/certificates")
class CertificateController {

    private static final int MAX_PAGE = 1000;

    private final IssuanceService issuance;
    private final RevocationService revocation;
    private final CertificateInventory inventory;

    CertificateController(IssuanceService issuance, RevocationService revocation, CertificateInventory inventory) {
        this.issuance = issuance;
        this.revocation = revocation;
        this.inventory = inventory;
    }

    /**
     * @param profile the certificate profile, e.g. {@code staff-signing}
     * @param csr the PKCS#10 request, PEM
     * @param ca the issuing CA; the profile's default if null
     */
    record IssueRequest(String profile, String csr, String ca) {
    }

    /** @param reason an RFC 5280 reason name; unspecified if null. {@code certificateHold} suspends, {@code removeFromCRL} releases. */
    record RevokeRequest(String reason) {
    }

    /** @param next pass as {@code after} to get the following page; null on the last page */
    record CertificatePage(List<CertificateView> items, String next) {
    }

    @PostMapping
    ResponseEntity<CertificateView> issue(@RequestBody IssueRequest request, Principal principal) {
        if (request.csr() == null || request.csr().isBlank()) {
            throw new PkiException(PkiError.REQUEST_FIELD_MISSING, "csr", "csr");
        }
        IssuedCertificate issued = issuance.issue(new IssuanceRequest(request.csr().getBytes(StandardCharsets.UTF_8),
                request.profile(), request.ca(), principal.getName()));
        String chain = Pem.certificates(Stream.concat(Stream.of(issued.certificate()), issued.caChain().stream()).toList());
        CertificateView view = CertificateView.of(issued.record(), true, chain);
        return ResponseEntity.created(URI.create("/api/v1/certificates/" + view.serialNumber())).body(view);
    }

    @GetMapping("/{serial}")
    CertificateView get(@PathVariable("serial") String serial) {
        return CertificateView.of(find(parse(serial)), true, null);
    }

    @GetMapping
    CertificatePage list(@RequestParam(name = "ca", required = false) String ca,
                         @RequestParam(name = "status", required = false) String status,
                         @RequestParam(name = "profile", required = false) String profile,
                         @RequestParam(name = "after", required = false) String after,
                         @RequestParam(name = "limit", defaultValue = "100") int limit) {
        CertificateStatus wanted = status == null ? null : Arrays.stream(CertificateStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status)).findFirst()
                .orElseThrow(() -> new PkiException(PkiError.REQUEST_MALFORMED, "status",
                        "status must be one of " + Arrays.toString(CertificateStatus.values())));
        String afterSerial = after == null ? null : SerialNumbers.hex(parse(after));
        int size = Math.clamp(limit, 1, MAX_PAGE);
        List<CertificateRecord> page = inventory.list(ca, wanted, profile, afterSerial, size);
        String next = page.size() == size ? SerialNumbers.hex(page.getLast().serialNumber()) : null;
        return new CertificatePage(page.stream().map(r -> CertificateView.of(r, false, null)).toList(), next);
    }

    @PostMapping("/{serial}/revocation")
    CertificateView revoke(@PathVariable("serial") String serial, @RequestBody(required = false) RevokeRequest request,
                           Principal principal) {
        RevocationReason reason = RevocationReason.parse(request == null ? null : request.reason());
        return CertificateView.of(revocation.revoke(parse(serial), reason, principal.getName()), true, null);
    }

    private CertificateRecord find(BigInteger serial) {
        return inventory.find(serial)
                .orElseThrow(() -> new PkiException(PkiError.CERTIFICATE_NOT_FOUND, "serial", SerialNumbers.hex(serial)));
    }

    private static BigInteger parse(String serial) {
        return SerialNumbers.parseHex(serial)
                .orElseThrow(() -> new PkiException(PkiError.SERIAL_MALFORMED, "serial", serial.toLowerCase(Locale.ROOT)));
    }
}
