package com.ramparts.agent.parse.common;

import com.ramparts.agent.parse.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Strict readers for the timestamp shapes products write. Hand-written rather than
 * {@code DateTimeFormatter} because EVE parsing is a measured hot path and because every failure must
 * become a {@link ParseException} that quotes the text.
 */
public final class Timestamps {

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private Timestamps() {
    }

    /**
     * ISO-8601 / RFC 3339 and the variants products use: {@code 2026-11-22T03:04:05.123456+0700}
     * (Suricata), {@code +07:00}, {@code Z}, {@code +07}, a space instead of {@code T}, a comma before the
     * fraction ({@code dmesg --time-format iso}), or no offset at all, in which case {@code zone} applies.
     */
    public static Instant iso(String text, ZoneId zone) throws ParseException {
        int n = text.length();
        if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) != 'T'
                && text.charAt(10) != ' ' && text.charAt(10) != 't') || text.charAt(13) != ':' || text.charAt(16) != ':') {
            throw bad(text, "an ISO-8601 date and time such as 2026-11-22T03:04:05.123456+0700");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int i = 19;
        int nanos = 0;
        if (i < n && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
            int start = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (text.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                throw bad(text, "digits after the decimal point");
            }
            for (int k = Math.min(i - start, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        ZoneId offset = zone;
        if (i < n) {
            offset = offset(text, i);
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            throw bad(text, "an ISO-8601 date and time such as 2026-11-22T03:04:05.123456+0700");
        }
        return of(text, year, month, day, hour, minute, second == 60 ? 59 : second, nanos, offset);
    }

    private static ZoneOffset offset(String text, int i) throws ParseException {
        int n = text.length();
        char sign = text.charAt(i);
        if ((sign == 'Z' || sign == 'z') && i + 1 == n) {
            return ZoneOffset.UTC;
        }
        if (sign != '+' && sign != '-') {
            throw bad(text, "a zone offset such as Z, +07:00 or +0700 after the time");
        }
        int rest = n - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(text, i + 1, i + 3);
        } else if (rest == 4) {
            hours = digits(text, i + 1, i + 3);
            minutes = digits(text, i + 3, i + 5);
        } else if (rest == 5 && text.charAt(i + 3) == ':') {
            hours = digits(text, i + 1, i + 3);
            minutes = digits(text, i + 4, i + 6);
        } else {
            throw bad(text, "a zone offset such as Z, +07:00 or +0700 after the time");
        }
        if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            throw bad(text, "a zone offset between -18:00 and +18:00");
        }
        int total = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    }

    /** The C library's {@code ctime} form, as in ClamAV logs: {@code Sun Nov 22 10:47:34 2026}, local time. */
    public static Instant ctime(String text, ZoneId zone) throws ParseException {
        String[] parts = text.trim().split(" +");
        if (parts.length != 5 || indexOf(DAYS, parts[0]) < 0) {
            throw bad(text, "a date such as 'Sun Nov 22 10:47:34 2026'");
        }
        int month = indexOf(MONTHS, parts[1]) + 1;
        int day = parts[2].length() <= 2 ? digits(parts[2], 0, parts[2].length()) : -1;
        int year = parts[4].length() == 4 ? digits(parts[4], 0, 4) : -1;
        int[] time = clock(parts[3]);
        if (month < 1 || day < 0 || year < 0 || time == null) {
            throw bad(text, "a date such as 'Sun Nov 22 10:47:34 2026'");
        }
        return of(text, year, month, day, time[0], time[1], time[2], 0, zone);
    }

    /**
     * The BSD syslog form without a year, {@code Nov 22 10:47:08} or {@code Nov  2 10:47:08}: the year is
     * the one that puts the time closest before {@code receivedAt} (allowing a day of clock skew), so that
     * December lines read in January land in the right year.
     */
    public static Instant bsd(String text, ZoneId zone, Instant receivedAt) throws ParseException {
        String[] parts = text.trim().split(" +");
        int month = parts.length == 3 ? indexOf(MONTHS, parts[0]) + 1 : 0;
        int day = month > 0 && parts[1].length() <= 2 ? digits(parts[1], 0, parts[1].length()) : -1;
        int[] time = month > 0 ? clock(parts[2]) : null;
        if (month < 1 || day < 1 || time == null) {
            throw bad(text, "a syslog date such as 'Nov 22 10:47:08'");
        }
        int year = receivedAt.atZone(zone).getYear();
        Instant candidate = of(text, year, month, day, time[0], time[1], time[2], 0, zone, true);
        if (candidate == null || candidate.isAfter(receivedAt.plusSeconds(86_400))) {
            candidate = of(text, year - 1, month, day, time[0], time[1], time[2], 0, zone, true);
        }
        if (candidate == null) {
            throw bad(text, "a date that exists (e.g. not Feb 30)");
        }
        return candidate;
    }

    /** The month number (1-12) of a three-letter English abbreviation, or -1. */
    public static int month(String abbreviation) {
        int index = indexOf(MONTHS, abbreviation);
        return index < 0 ? -1 : index + 1;
    }

    /** Seconds since the epoch, with an optional fraction ({@code 1795319331.5408967}, borg). */
    public static Instant epochSeconds(double seconds, String what) throws ParseException {
        if (!Double.isFinite(seconds) || seconds < -62_135_596_800d || seconds > 253_402_300_799d) {
            throw new ParseException(what + ": " + seconds + " is not a time in years 1 to 9999");
        }
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e6) * 1_000L;
        return Instant.ofEpochSecond(whole, Math.min(nanos, 999_999_999L));
    }

    /** HH:MM:SS as three numbers, or null. */
    public static int[] clock(String text) {
        if (text.length() != 8 || text.charAt(2) != ':' || text.charAt(5) != ':') {
            return null;
        }
        int h = digits(text, 0, 2);
        int m = digits(text, 3, 5);
        int s = digits(text, 6, 8);
        return h < 0 || m < 0 || s < 0 ? null : new int[] {h, m, s};
    }

    /** Builds an instant from fields, answering an impossible date or time with a ParseException. */
    public static Instant of(String text, int year, int month, int day, int hour, int minute, int second, int nanos,
            ZoneId zone) throws ParseException {
        Instant instant = of(text, year, month, day, hour, minute, second, nanos, zone, true);
        if (instant == null) {
            throw bad(text, "a date and time that exist");
        }
        return instant;
    }

    private static Instant of(String text, int year, int month, int day, int hour, int minute, int second, int nanos,
            ZoneId zone, boolean quiet) {
        try {
            return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number in {@code text[from, to)}, or -1 if any character is not a digit. */
    public static int digits(String text, int from, int to) {
        if (to > text.length() || from >= to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ParseException bad(String text, String expected) {
        return new ParseException("timestamp '" + Texts.shorten(text) + "' is not " + expected);
    }
}
