package com.ramparts.pki.ra.imports;

import com.ramparts.pki.config.PkiProperties;
import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.ra.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code POST /api/v1/imports/units|staff?dryRun=true|false} with the CSV as the body ({@code text/csv}).
 * A dry run and a refused import answer with every bad row; a refused import (400) wrote nothing.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final Imports imports;
    private final long maxSize;

    ImportController(Imports imports, PkiProperties properties) {
        this.imports = imports;
        this.maxSize = properties.ra().importMaxSize().toBytes();
    }

    @PostMapping("/units")
    ResponseEntity<ImportReport> units(HttpServletRequest request, @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun)
            throws IOException {
        return answer(imports.units(body(request), dryRun, Caller.current().actor()));
    }

    @PostMapping("/staff")
    ResponseEntity<ImportReport> staff(HttpServletRequest request, @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun)
            throws IOException {
        return answer(imports.staff(body(request), dryRun, Caller.current().actor()));
    }

    private static ResponseEntity<ImportReport> answer(ImportReport report) {
        return ResponseEntity.status(report.errors().isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(report);
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxSize) {
            throw new PkiException(PkiError.RA_IMPORT_TOO_LARGE, "body", String.valueOf(maxSize));
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            if (bytes.length > maxSize) {
                throw new PkiException(PkiError.RA_IMPORT_TOO_LARGE, "body", String.valueOf(maxSize));
            }
            return bytes;
        }
    }
}
