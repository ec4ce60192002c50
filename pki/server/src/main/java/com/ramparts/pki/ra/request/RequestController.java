package com.ramparts.pki.ra.request;

import com.ramparts.pki.ra.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/v1/requests} (submit, list, read, approve, reject) and {@code /api/v1/renewals}. */
@RestController
class RequestController {

    private final Requests requests;

    RequestController(Requests requests) {
        this.requests = requests;
    }

    record Rejection(String reason) {
    }

    record Renewal(String serial, String csr) {
    }

    @PostMapping("/api/v1/requests")
    ResponseEntity<RequestView> submit(@RequestBody Requests.Submission submission) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.submit(Caller.current(), submission));
    }

    @GetMapping("/api/v1/requests")
    List<RequestView> list(@RequestParam(name = "status", required = false) String status,
                           @RequestParam(name = "unit", required = false) String unit,
                           @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return requests.list(Caller.current(), status, unit, Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/api/v1/requests/{id}")
    RequestView get(@PathVariable("id") String id) {
        return requests.view(Caller.current(), id);
    }

    @PostMapping("/api/v1/requests/{id}/approvals")
    RequestView approve(@PathVariable("id") String id) {
        return requests.approve(Caller.current(), id);
    }

    @PostMapping("/api/v1/requests/{id}/rejection")
    RequestView reject(@PathVariable("id") String id, @RequestBody Rejection rejection) {
        return requests.reject(Caller.current(), id, rejection.reason());
    }

    /** Renews a certificate: the same key (a fresh CSR from it) or a new one; approved like any request of its profile. */
    @PostMapping("/api/v1/renewals")
    ResponseEntity<RequestView> renew(@RequestBody Renewal renewal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(requests.submit(Caller.current(),
                new Requests.Submission(null, renewal.csr(), null, null, null, renewal.serial() == null ? "" : renewal.serial())));
    }
}
