package com.ramparts.agent.parse.defender;

import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.agent.parse.common.Draft;
import com.ramparts.agent.parse.common.Json;
import com.ramparts.agent.parse.common.Numbers;
import com.ramparts.agent.parse.common.Texts;
import com.ramparts.agent.parse.common.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * One exported event (or an array of them) into drafts. Each object carries {@code Id},
 * {@code TimeCreated} (ISO-8601, or Windows PowerShell 5's {@code /Date(ms)/}), {@code MachineName} and
 * either {@code EventData} (the event's named data) or at least {@code Message}, whose
 * {@code Name: value} lines are read instead.
 */
public final class DefenderEventParser extends BoundedParser {

    public static final String FORMAT = "windows-defender";

    private static final int MAX_DATA = 64;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    protected void parse(RawRecord record, List<Draft> out) throws ParseException {
        try (JsonParser p = Json.open(record.text())) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return;
            }
            for (; token != null; token = p.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        out.add(event(p, record));
                    }
                } else {
                    out.add(event(p, record));
                }
            }
        }
    }

    private static Draft event(JsonParser p, RawRecord record) throws ParseException {
        Exported e = new Exported();
        Json.fields(p, "Defender event", (name, v) -> {
            switch (name) {
                case "Id", "EventID", "EventId" -> e.id = Json.whole(v, name);
                case "TimeCreated" -> e.time = time(Json.text(v, name));
                case "MachineName", "Computer" -> e.host = Json.text(v, name);
                case "ProviderName" -> e.provider = Json.text(v, name);
                case "LevelDisplayName" -> e.level = Json.text(v, name);
                case "RecordId" -> e.recordId = Json.whole(v, name);
                case "Message" -> e.message = Json.text(v, name);
                case "EventData" -> Json.fields(v, "EventData", (key, w) -> {
                    String value = Json.text(w, "EventData." + key);
                    if (value != null && e.data.size() < MAX_DATA) {
                        e.data.putIfAbsent(key, value);
                    }
                });
                default -> Json.skip(v);
            }
        });
        if (e.id < 0) {
            throw new ParseException("not an exported Windows event: no Id");
        }
        if (e.provider != null && !e.provider.contains("Defender") && !e.provider.contains("Antimalware")) {
            throw new ParseException("event from provider '" + Texts.shorten(e.provider) + "', not Windows Defender");
        }
        if (e.data.isEmpty() && e.message != null) {
            e.data.putAll(DefenderMessage.fields(e.message));
        }
        Draft draft = Draft.at(e.time == null ? record.receivedAt() : e.time, record.text())
                .source("windows", "windows.defender", "Microsoft", "Defender Antivirus", "antivirus");
        draft.put("event.code", String.valueOf(e.id));
        draft.put("host.name", e.host);
        draft.put("log.level", e.level == null ? null : e.level.toLowerCase(Locale.ROOT));
        if (e.recordId >= 0) {
            draft.put("event.sequence", e.recordId);
        }
        if (e.message != null) {
            int newline = e.message.indexOf('\n');
            draft.put("message", (newline < 0 ? e.message : e.message.substring(0, newline)).trim());
        }
        DefenderEvents.classify(e.id, draft);
        DefenderEvents.describe(e.data, draft);
        return draft;
    }

    /** {@code 2026-11-22T03:04:05.1234567Z} or PowerShell 5's {@code /Date(1795319228237)/}. */
    private static Instant time(String text) throws ParseException {
        if (text == null) {
            return null;
        }
        if (text.startsWith("/Date(") && text.endsWith(")/")) {
            String millis = text.substring(6, text.length() - 2);
            int sign = millis.indexOf('+', 1) > 0 ? millis.indexOf('+', 1) : millis.indexOf('-', 1);
            long ms = Numbers.whole("TimeCreated", sign > 0 ? millis.substring(0, sign) : millis);
            if (ms < -62_135_596_800_000L || ms > 253_402_300_799_000L) {
                throw new ParseException("TimeCreated: " + ms + " ms is not a time in years 1 to 9999");
            }
            return Instant.ofEpochMilli(ms);
        }
        return Timestamps.iso(text, ZoneOffset.UTC);
    }

    private static final class Exported {
        long id = -1;
        Instant time;
        String host;
        String provider;
        String level;
        long recordId = -1;
        String message;
        final Map<String, String> data = new LinkedHashMap<>();
    }
}
