package com.ramparts.pki.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@code /api/v1/audit}: read the entries, verify the chain (administrators only). */
@RestController
class AuditController {

    private final AuditLog log;
    private final DataSource dataSource;

    AuditController(AuditLog log, DataSource dataSource) {
        this.log = log;
        this.dataSource = dataSource;
    }

    @GetMapping("/api/v1/audit/entries")
    List<AuditEntry> entries(@RequestParam(name = "after", defaultValue = "0") long after,
                             @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return log.after(after, Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/api/v1/audit/verification")
    AuditVerifier.Report verify() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return AuditVerifier.verify(connection, null);
        }
    }
}
