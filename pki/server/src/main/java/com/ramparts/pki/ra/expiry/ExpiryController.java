package com.ramparts.pki.ra.expiry;

import com.ramparts.pki.ra.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/v1/expiring?days=30}: requesters see their unit's certificates only. */
@RestController
class ExpiryController {

    private final Expiring expiring;

    ExpiryController(Expiring expiring) {
        this.expiring = expiring;
    }

    @GetMapping("/api/v1/expiring")
    List<Expiring.Certificate> expiring(@RequestParam(name = "days", defaultValue = "30") int days,
                                        @RequestParam(name = "limit", defaultValue = "1000") int limit) {
        return expiring.within(Math.clamp(days, 0, 3660), Caller.current().scope(), Math.clamp(limit, 1, 10_000));
    }
}
