package com.ramparts.pki.bulk;

import com.ramparts.pki.error.PkiError;
import com.ramparts.pki.error.PkiException;
import com.ramparts.pki.ra.imports.RowError;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The zip an officer uploads: {@code staff.csv} (the RA's staff import format) and one CSR per staff
 * member, named {@code <staff_id>.csr}, {@code .pem} or {@code .der}, in any folder. Sizes are
 * counted as the bytes are inflated, never taken from the zip's headers, so a zip bomb stops at the
 * limit; nothing is extracted to disk.
 *
 * @param csrs CSR bytes by staff id
 * @param errors problems with the archive itself (row 0, the entry's name as the column)
 */
public record BulkUpload(byte[] staffCsv, Map<String, byte[]> csrs, List<RowError> errors) {

    static final String STAFF_CSV = "staff.csv";
    private static final String CSR_NAME = "[A-Za-z0-9.-]{1,64}\\.(csr|pem|der)";

    /** How much an upload may hold. */
    public record Limits(int maxEntries, long maxUncompressedBytes, long maxCsvBytes, long maxCsrBytes) {
    }

    public BulkUpload {
        csrs = Map.copyOf(csrs);
        errors = List.copyOf(errors);
    }

    /**
     * Reads the zip.
     *
     * @throws PkiException {@code ra.bulk.too_large} when it holds too many entries or expands past the limits
     */
    public static BulkUpload read(InputStream in, Limits limits) throws IOException {
        List<RowError> errors = new ArrayList<>();
        Map<String, byte[]> csrs = new HashMap<>();
        byte[] csv = null;
        long total = 0;
        int entries = 0;
        Tail tail = new Tail(in);
        try (ZipInputStream zip = new ZipInputStream(tail)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (++entries > limits.maxEntries()) {
                    throw new PkiException(PkiError.RA_BULK_TOO_LARGE, "body", "more than " + limits.maxEntries() + " entries");
                }
                String path = entry.getName();
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || name.startsWith("._")) {
                    continue; // folders and the resource forks macOS adds when it zips
                }
                boolean isCsv = name.equalsIgnoreCase(STAFF_CSV);
                long entryLimit = isCsv ? limits.maxCsvBytes() : limits.maxCsrBytes();
                byte[] content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, entryLimit + 1));
                total += content.length;
                if (total > limits.maxUncompressedBytes()) {
                    throw new PkiException(PkiError.RA_BULK_TOO_LARGE, "body", "expands to more than " + limits.maxUncompressedBytes() + " bytes");
                }
                if (content.length > entryLimit) {
                    errors.add(new RowError(0, path, "larger than " + entryLimit + " bytes"));
                    total += drain(zip, limits.maxUncompressedBytes() - total);
                    continue;
                }
                if (isCsv) {
                    if (csv != null) {
                        errors.add(new RowError(0, path, "a second " + STAFF_CSV));
                    }
                    csv = content;
                } else if (!name.matches(CSR_NAME)) {
                    errors.add(new RowError(0, path, "not " + STAFF_CSV + " nor a CSR named <staff_id>.csr, .pem or .der"));
                } else {
                    String staffId = name.substring(0, name.lastIndexOf('.'));
                    if (csrs.putIfAbsent(staffId, content) != null) {
                        errors.add(new RowError(0, path, "a second CSR for staff " + staffId));
                    }
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            errors.add(new RowError(0, "", "the upload is not a complete zip file (" + e.getMessage() + ")"));
            return new BulkUpload(new byte[0], Map.of(), errors);
        } catch (IllegalArgumentException e) { // ZipInputStream's answer to entry names that are not valid UTF-8
            errors.add(new RowError(0, "", "the zip has an entry name that is not UTF-8 (" + e.getMessage() + ")"));
            return new BulkUpload(new byte[0], Map.of(), errors);
        }
        tail.transferTo(java.io.OutputStream.nullOutputStream());
        if (entries > 0 && !tail.endsWithEndRecord()) {
            errors.add(new RowError(0, "", "the upload is not a complete zip file (its end record is missing: truncated?)"));
            return new BulkUpload(new byte[0], Map.of(), errors);
        }
        if (entries == 0) {
            errors.add(new RowError(0, "", "the upload is empty or not a zip file; send a zip with " + STAFF_CSV + " and the CSRs"));
        } else if (csv == null) {
            errors.add(new RowError(0, STAFF_CSV, "the zip has no " + STAFF_CSV.toLowerCase(Locale.ROOT)));
        }
        return new BulkUpload(csv == null ? new byte[0] : csv, csrs, errors);
    }

    /**
     * Keeps the last bytes that passed through, to find the zip's end-of-central-directory record
     * (which a streaming reader never checks): a zip cut short is refused rather than half read.
     * Closing does not close the source.
     */
    private static final class Tail extends java.io.FilterInputStream {
        private static final int END_RECORD = 22;
        private static final int KEEP = END_RECORD + 0xFFFF; // the record and the longest comment it may carry
        private final byte[] ring = new byte[KEEP];
        private long seen;

        Tail(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                ring[(int) (seen++ % KEEP)] = (byte) b;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                ring[(int) (seen++ % KEEP)] = buffer[offset + i];
            }
            return n;
        }

        @Override
        public void close() {
        }

        boolean endsWithEndRecord() {
            int size = (int) Math.min(seen, KEEP);
            byte[] last = new byte[size];
            for (int i = 0; i < size; i++) {
                last[i] = ring[(int) ((seen - size + i) % KEEP)];
            }
            for (int at = size - END_RECORD; at >= 0; at--) {
                if (last[at] == 0x50 && last[at + 1] == 0x4b && last[at + 2] == 0x05 && last[at + 3] == 0x06) {
                    int comment = (last[at + 20] & 0xff) | (last[at + 21] & 0xff) << 8;
                    return at + END_RECORD + comment == size;
                }
            }
            return false;
        }
    }

    /** Reads past an oversized entry without keeping it, still within the upload's budget. */
    private static long drain(InputStream in, long budget) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            read += n;
            if (read > budget) {
                throw new PkiException(PkiError.RA_BULK_TOO_LARGE, "body", "expands to more than the limit of uncompressed bytes");
            }
        }
        return read;
    }
}
