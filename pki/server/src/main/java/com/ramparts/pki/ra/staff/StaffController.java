package com.ramparts.pki.ra.staff;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.ra.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/v1/staff}: requesters see their own unit's staff only. Staff are created and changed by CSV import. */
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    private final StaffDirectory staff;

    StaffController(StaffDirectory staff) {
        this.staff = staff;
    }

    @GetMapping
    List<Staff> list(@RequestParam(name = "after", required = false) String after,
                     @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return staff.list(Caller.current().scope(), after, Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/{id}")
    Staff get(@PathVariable("id") String id) {
        Caller caller = Caller.current();
        return staff.find(id).filter(s -> caller.sees(s.unitCode()))
                .orElseThrow(() -> new PkiException(PkiError.RA_STAFF_NOT_FOUND, "id", id, caller.scope() == null ? "-" : caller.scope()));
    }
}
