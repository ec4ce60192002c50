package com.ramparts.pki.ra.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file parsed strictly: UTF-8 only (a leading BOM is skipped), RFC 4180 quoting, a header row
 * naming exactly the expected columns, the same number of fields on every row. Problems become
 * {@link RowError}s rather than exceptions so that every bad row is reported at once.
 */
public final class CsvTable {

    /** A data record and the line it starts on. */
    public record Row(int line, List<String> fields) {
        public String get(int column) {
            return fields.get(column);
        }
    }

    private final List<Row> rows;
    private final List<RowError> errors;

    private CsvTable(List<Row> rows, List<RowError> errors) {
        this.rows = rows;
        this.errors = errors;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<RowError> errors() {
        return errors;
    }

    public static CsvTable parse(byte[] bytes, List<String> header) {
        List<RowError> errors = new ArrayList<>();
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            text = decoder.decode(input).toString();
        } catch (CharacterCodingException e) {
            int offset = findMalformed(bytes, start);
            errors.add(new RowError(lineAt(bytes, offset), "", "the file is not valid UTF-8 (byte offset " + offset
                    + "); save it as UTF-8"));
            return new CsvTable(List.of(), errors);
        }
        if (text.indexOf('\0') >= 0) {
            errors.add(new RowError(0, "", "the file contains NUL characters; it is not a text CSV file"));
            return new CsvTable(List.of(), errors);
        }
        List<Row> records = records(text, errors);
        if (!errors.isEmpty() && records.isEmpty()) {
            return new CsvTable(List.of(), errors);
        }
        if (records.isEmpty()) {
            errors.add(new RowError(1, "", "the file is empty; the first line must be the header " + String.join(",", header)));
            return new CsvTable(List.of(), errors);
        }
        Row first = records.getFirst();
        List<String> found = first.fields().stream().map(String::strip).toList();
        if (!found.equals(header)) {
            errors.add(new RowError(first.line(), "", "the header is " + String.join(",", found) + "; expected " + String.join(",", header)));
            return new CsvTable(List.of(), errors);
        }
        List<Row> data = new ArrayList<>();
        for (Row row : records.subList(1, records.size())) {
            if (row.fields().size() != header.size()) {
                errors.add(new RowError(row.line(), "", "has " + row.fields().size() + " fields; expected " + header.size()));
            } else {
                data.add(new Row(row.line(), row.fields().stream().map(String::strip).toList()));
            }
        }
        return new CsvTable(data, errors);
    }

    private static List<Row> records(String text, List<RowError> errors) {
        List<Row> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean rowBroken = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (!rowBroken) {
                    errors.add(new RowError(recordLine, "", "a quote inside an unquoted field (quote the whole field and double the quote)"));
                    rowBroken = true;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                if (!rowBroken && !(fields.size() == 1 && fields.getFirst().isEmpty() && !wasQuoted)) {
                    records.add(new Row(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                wasQuoted = false;
                rowBroken = false;
                line++;
                recordLine = line;
            } else {
                if (wasQuoted && !rowBroken) {
                    errors.add(new RowError(recordLine, "", "text after a closing quote"));
                    rowBroken = true;
                }
                field.append(c);
            }
        }
        if (quoted) {
            errors.add(new RowError(recordLine, "", "a quoted field is never closed (the file is truncated?)"));
        } else if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            if (!rowBroken) {
                records.add(new Row(recordLine, List.copyOf(fields)));
            }
        }
        return records;
    }

    private static int findMalformed(byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

}
