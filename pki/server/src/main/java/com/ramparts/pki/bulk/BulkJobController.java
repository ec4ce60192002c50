package com.ramparts.pki.bulk;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.ra.Caller;
import com.ramparts.pki.x509.Pem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code /api/v1/bulk-jobs} (RA officers and administrators): upload a zip (dry run or for real),
 * approve, follow progress, read the per-row report, download the certificates.
 */
@RestController
@RequestMapping("/api/v1/bulk-jobs")
class BulkJobController {

    private final BulkJobs jobs;
    private final long maxUpload;

    BulkJobController(BulkJobs jobs, com.ramparts.pki.config.PkiProperties properties) {
        this.jobs = jobs;
        this.maxUpload = properties.ra().bulk().maxUploadSize().toBytes();
    }

    @PostMapping
    ResponseEntity<BulkReport> upload(HttpServletRequest request, @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
                                      @RequestParam(name = "ca", required = false) String ca) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/zip") && !type.startsWith("application/octet-stream")) {
            throw new PkiException(PkiError.REQUEST_MALFORMED, "body", "send the staff.csv and the CSRs as one zip, Content-Type: application/zip");
        }
        if (request.getContentLengthLong() > maxUpload) {
            throw new PkiException(PkiError.RA_BULK_TOO_LARGE, "body", "more than " + maxUpload + " bytes");
        }
        try (InputStream body = new Capped(request.getInputStream(), maxUpload)) {
            BulkReport report = jobs.create(body, dryRun, ca, Caller.current());
            HttpStatus status = !report.errors().isEmpty() ? HttpStatus.BAD_REQUEST : report.job() != null ? HttpStatus.CREATED : HttpStatus.OK;
            return ResponseEntity.status(status).body(report);
        }
    }

    @GetMapping
    List<BulkJobView> list(@RequestParam(name = "limit", defaultValue = "50") int limit) {
        return jobs.list(Math.min(limit, 1000));
    }

    @GetMapping("/{id}")
    BulkJobView job(@PathVariable("id") String id) {
        return jobs.find(id);
    }

    @PostMapping("/{id}/approval")
    BulkJobView approve(@PathVariable("id") String id) {
        return jobs.approve(id, Caller.current());
    }

    /** A page of rows: {@code {"items": [...], "next": last line or null}}. */
    @GetMapping("/{id}/rows")
    Map<String, Object> rows(@PathVariable("id") String id, @RequestParam(name = "status", required = false) String status,
                             @RequestParam(name = "after", defaultValue = "0") int after,
                             @RequestParam(name = "limit", defaultValue = "1000") int limit) {
        int size = Math.max(1, Math.min(limit, 10_000));
        List<BulkRowView> rows = jobs.rows(id, status, after, size);
        java.util.LinkedHashMap<String, Object> page = new java.util.LinkedHashMap<>();
        page.put("items", rows);
        page.put("next", rows.size() == size ? rows.getLast().line() : null);
        return page;
    }

    /** The issued certificates as {@code <staff_id>.pem}, and {@code ca-chain.pem}, streamed page by page. */
    @GetMapping("/{id}/certificates.zip")
    void certificates(@PathVariable("id") String id, HttpServletResponse response) throws IOException {
        BulkJobView job = jobs.find(id);
        String chain = jobs.chainPem(job.ca());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bulk-" + id + ".zip\"");
        // finish, not close: the container ends the response itself
        ZipOutputStream zip = new ZipOutputStream(response.getOutputStream(), StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("ca-chain.pem"));
        zip.write(chain.getBytes(StandardCharsets.US_ASCII));
        zip.closeEntry();
        jobs.forEachIssued(id, (staffId, der) -> {
            try {
                zip.putNextEntry(new ZipEntry(staffId + ".pem"));
                zip.write(Pem.encode("CERTIFICATE", der).getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        zip.finish();
    }

    /** Stops reading a chunked body at the upload limit. */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PkiException(PkiError.RA_BULK_TOO_LARGE, "body", "more than " + limit + " bytes");
            }
        }
    }
}
