package com.ramparts.soc.unit;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pki's unit registry ({@code GET /api/v1/units}) and its unit-signing certificates
 * ({@code GET /api/v1/certificates?profile=unit-signing}, every page) with an API token
 * ({@code Authorization: Bearer}). Every answer is size-limited and checked field by field; anything unexpected
 * is a {@link PkiFetchException} naming what was wrong, never a partial result.
 */
public class PkiClient {

    /** pki's profile of unit seals. */
    static final String UNIT_SIGNING = "unit-signing";
    private static final int PAGE = 1000;
    /** More pages than this means pki keeps answering "next": refuse rather than loop. */
    private static final int MAX_PAGES = 10_000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SERIAL = Pattern.compile("[0-9a-f]{1,40}");
    /** organizationIdentifier (OID 2.5.4.97) in an RFC 4514 subject, by name or by OID. */
    private static final Pattern ORGANIZATION_IDENTIFIER =
            Pattern.compile("(?:^|(?<!\\\\)[,+])\\s*(?:organizationIdentifier|2\\.5\\.4\\.97|OID\\.2\\.5\\.4\\.97)\\s*=\\s*((?:\\\\.|[^,+\\\\])*)");
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(40).build())
            .build()).build();

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final long maxResponseBytes;
    private final HttpClient http;

    public PkiClient(URI base, String token, Duration timeout, long maxResponseBytes) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Both lists, complete, or an exception. */
    public PkiRegistry fetch() throws PkiFetchException {
        List<PkiRegistry.PkiUnit> units = units();
        return new PkiRegistry(units, unitCertificates());
    }

    List<PkiRegistry.PkiUnit> units() throws PkiFetchException {
        return readUnits(get("/api/v1/units"));
    }

    /** pki's unit list, checked: an array of {code, name, parentCode}, codes unique. */
    static List<PkiRegistry.PkiUnit> readUnits(JsonNode list) throws PkiFetchException {
        if (!list.isArray()) {
            throw new PkiFetchException("pki /api/v1/units: expected a JSON array, got " + list.getNodeType());
        }
        List<PkiRegistry.PkiUnit> units = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (JsonNode item : list) {
            String code = identifier(item, "code", true);
            String name = text(item, "name", true, 256);
            String parent = identifier(item, "parentCode", false);
            if (!codes.add(code)) {
                throw new PkiFetchException("pki /api/v1/units: unit " + code + " is listed twice");
            }
            units.add(new PkiRegistry.PkiUnit(code, name, parent));
        }
        return units;
    }

    List<PkiRegistry.UnitSeal> unitCertificates() throws PkiFetchException {
        List<PkiRegistry.UnitSeal> seals = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = "/api/v1/certificates?profile=" + UNIT_SIGNING + "&limit=" + PAGE
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode answer = get(path);
            seals.addAll(readSeals(answer));
            JsonNode next = answer.get("next");
            if (next == null || next.isNull()) {
                return seals;
            }
            if (!next.isString() || !SERIAL.matcher(next.asString()).matches() || (after != null && next.asString().compareTo(after) <= 0)) {
                throw new PkiFetchException("pki /api/v1/certificates: 'next' must be a serial after the last one, was " + next);
            }
            after = next.asString();
        }
        throw new PkiFetchException("pki /api/v1/certificates: more than " + MAX_PAGES + " pages");
    }

    /** One page of pki's certificate list: the unit seals on it (certificates naming no unit are left out). */
    static List<PkiRegistry.UnitSeal> readSeals(JsonNode answer) throws PkiFetchException {
        JsonNode items = answer.get("items");
        if (!answer.isObject() || items == null || !items.isArray()) {
            throw new PkiFetchException("pki /api/v1/certificates: expected {\"items\": [...], \"next\": ...}");
        }
        List<PkiRegistry.UnitSeal> seals = new ArrayList<>();
        for (JsonNode item : items) {
            String serial = text(item, "serialNumber", true, 40);
            if (!SERIAL.matcher(serial).matches()) {
                throw new PkiFetchException("pki /api/v1/certificates: serialNumber '" + serial + "' is not lower-case hex");
            }
            String status = text(item, "status", true, 16);
            if (!Set.of("VALID", "REVOKED", "ON_HOLD").contains(status)) {
                throw new PkiFetchException("pki /api/v1/certificates: certificate " + serial + " has unknown status " + status);
            }
            String unit = unitOf(text(item, "subject", true, 2048));
            if (unit == null) {
                continue; // a seal without organizationIdentifier belongs to no unit (the profile requires one, so: none)
            }
            seals.add(new PkiRegistry.UnitSeal(unit, new UnitCertificate.Issued(serial, status,
                    instant(item, "notBefore", serial), instant(item, "notAfter", serial), instant(item, "issuedAt", serial))));
        }
        return seals;
    }

    /** Reads JSON as pki's answers are read (nesting and number limits). */
    static JsonNode json(byte[] bytes) throws PkiFetchException {
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new PkiFetchException("pki: not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The unit code in a seal's subject (its organizationIdentifier), or null. */
    static String unitOf(String subject) {
        Matcher matcher = ORGANIZATION_IDENTIFIER.matcher(subject);
        if (!matcher.find()) {
            return null;
        }
        String value = matcher.group(1).trim();
        if (value.startsWith("#")) {
            value = derString(value.substring(1));
        } else {
            value = value.replaceAll("\\\\(.)", "$1");
        }
        return value != null && IDENTIFIER.matcher(value).matches() ? value : null;
    }

    /** A BER/DER string value written as hex (RFC 4514 section 2.4): tag, short length, bytes. */
    private static String derString(String hex) {
        try {
            byte[] der = HexFormat.of().parseHex(hex);
            if (der.length < 2 || der[1] < 0 || der[1] != der.length - 2) {
                return null;
            }
            return new String(der, 2, der.length - 2, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode get(String path) throws PkiFetchException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new PkiFetchException("pki " + path + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PkiFetchException("pki " + path + ": interrupted", e);
        }
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxResponseBytes + 1));
            if (bytes.length > maxResponseBytes) {
                throw new PkiFetchException("pki " + path + ": answer larger than " + maxResponseBytes + " bytes");
            }
            if (response.statusCode() != 200) {
                throw new PkiFetchException("pki " + path + ": HTTP " + response.statusCode()
                        + (response.statusCode() == 401 ? " (the API token is unknown, expired or revoked)" : "")
                        + (response.statusCode() == 403 ? " (the API token's role may not read this: soc needs an ADMIN token)" : ""));
            }
            return json(bytes);
        } catch (IOException e) {
            throw new PkiFetchException("pki " + path + ": " + e.getMessage(), e);
        }
    }

    private static String identifier(JsonNode item, String field, boolean required) throws PkiFetchException {
        String value = text(item, field, required, 64);
        if (value != null && !IDENTIFIER.matcher(value).matches()) {
            throw new PkiFetchException("pki: " + field + " '" + value + "' is not 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        return value;
    }

    private static String text(JsonNode item, String field, boolean required, int max) throws PkiFetchException {
        JsonNode value = item == null || !item.isObject() ? null : item.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new PkiFetchException("pki: an item has no " + field);
            }
            return null;
        }
        if (!value.isString()) {
            throw new PkiFetchException("pki: " + field + " must be a string, was " + value.getNodeType());
        }
        String text = value.asString();
        if (text.isBlank() || text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw new PkiFetchException("pki: " + field + " must be 1 to " + max + " printable characters");
        }
        return text;
    }

    private static Instant instant(JsonNode item, String field, String serial) throws PkiFetchException {
        JsonNode value = item.get(field);
        try {
            if (value != null && value.isString()) {
                return Instant.parse(value.asString());
            }
            if (value != null && value.isNumber()) {
                return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000)); // Jackson's numeric form: seconds
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // reported below
        }
        throw new PkiFetchException("pki /api/v1/certificates: certificate " + serial + " has no valid " + field);
    }
}
