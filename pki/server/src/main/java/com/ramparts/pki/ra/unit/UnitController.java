package com.ramparts.pki.ra.unit;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.ra.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/v1/units}: requesters see their own unit only. Units are created and changed by CSV import. */
@RestController
@RequestMapping("/api/v1/units")
class UnitController {

    private final Units units;

    UnitController(Units units) {
        this.units = units;
    }

    @GetMapping
    List<Unit> list() {
        return units.list(Caller.current().scope());
    }

    @GetMapping("/{code}")
    Unit get(@PathVariable("code") String code) {
        Caller caller = Caller.current();
        return units.find(code).filter(u -> caller.sees(u.code()))
                .orElseThrow(() -> new PkiException(PkiError.RA_UNIT_NOT_FOUND, "code", code));
    }
}
