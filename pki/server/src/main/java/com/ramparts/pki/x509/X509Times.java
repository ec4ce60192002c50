package com.ramparts.pki.x509;

import org.bouncycastle.asn1.x509.Time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Times as RFC 5280 wants them: whole seconds (GeneralizedTime must not carry fractions), UTCTime
 * before 2050 and GeneralizedTime from 2050 on (which Bouncy Castle's {@link Time} chooses).
 */
public final class X509Times {

    private X509Times() {
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    public static Date date(Instant instant) {
        return Date.from(truncate(instant));
    }

    public static Time time(Instant instant) {
        return new Time(date(instant));
    }
}
