package com.ramparts.pki.bench;

import com.ramparts.pki.bulk.BulkFixtures;
import com.ramparts.pki.bulk.BulkJobView;
import com.ramparts.pki.bulk.BulkJobs;
import com.ramparts.pki.bulk.BulkReport;
import com.ramparts.pki.ra.Caller;
import com.ramparts.pki.ra.imports.Imports;
import com.ramparts.pki.token.Role;
import com.ramparts.testsupport.TestPostgres;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A bulk job end to end: upload (dry-run checks, staff import, rows), approval, issuance by the
 * service's own workers until DONE. Arguments: {@code [pg|h2] [staff] [threads]}.
 */
public final class BulkBenchmark {

    public static void main(String[] args) throws Exception {
        boolean postgres = args.length == 0 || args[0].equals("pg");
        int staff = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        String threads = args.length > 2 ? args[2] : "2";
        String url = postgres ? TestPostgres.newSchema().jdbcUrlWithSchema() : null;
        try (BenchService service = new BenchService(url, Map.of("ramparts.pki.ra.bulk.threads", threads,
                "ramparts.pki.ra.bulk.poll-interval", "1s", "ramparts.pki.ocsp.presigned.enabled", "false"))) {
            Caller creator = new Caller("officer.an", Role.RA_OFFICER, null, "bench");
            Caller approver = new Caller("officer.binh", Role.RA_OFFICER, null, "bench");
            service.bean(Imports.class).units(BulkFixtures.unitsCsv("Q1", "Ủy ban nhân dân Quận 1").getBytes(StandardCharsets.UTF_8), false,
                    creator.actor());
            long t0 = System.nanoTime();
            List<BulkFixtures.Person> people = BulkFixtures.people("NV", 79_000_000_000L, staff, "Q1", "Ủy ban nhân dân Quận 1");
            byte[] zip = BulkFixtures.zip(people);
            long t1 = System.nanoTime();
            BenchService.print("made %d keys and CSRs, zip %d bytes, in %.1f s (the staff's side, not the service's)", staff, zip.length,
                    (t1 - t0) / 1e9);
            BulkJobs jobs = service.bean(BulkJobs.class);
            BulkReport report = jobs.create(new ByteArrayInputStream(zip), false, null, creator);
            long t2 = System.nanoTime();
            if (!report.errors().isEmpty()) {
                throw new IllegalStateException(report.errors().subList(0, Math.min(5, report.errors().size())).toString());
            }
            String id = report.job().id();
            jobs.approve(id, approver);
            BulkJobView job;
            do {
                Thread.sleep(200);
                job = jobs.find(id);
            } while (!"DONE".equals(job.status()));
            long t3 = System.nanoTime();
            double upload = (t2 - t1) / 1e9;
            double issue = (t3 - t2) / 1e9;
            BenchService.print("database %s, %s worker threads, %d staff: upload+checks+import %.1f s, issuance %.1f s (%.0f/s), "
                            + "issued %d failed %d; total %.1f s; linear extrapolation to 100,000 staff: %.0f s",
                    postgres ? "PostgreSQL" : "H2", threads, staff, upload, issue, staff / issue, job.issued(), job.failed(), upload + issue,
                    (upload + issue) * 100_000 / staff);
        }
    }
}
