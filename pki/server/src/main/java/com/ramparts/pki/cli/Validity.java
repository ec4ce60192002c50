package com.ramparts.pki.cli;

import picocli.CommandLine;

import java.time.Instant;
import java.time.ZoneOffset;

/** A validity period as operators write it: {@code 20y} (calendar years) or {@code 3650d} (days). */
record Validity(int amount, boolean years) {

    Instant after(Instant start) {
        return years ? start.atZone(ZoneOffset.UTC).plusYears(amount).toInstant() : start.plusSeconds(86_400L * amount);
    }

    static final class Converter implements CommandLine.ITypeConverter<Validity> {
        @Override
        public Validity convert(String value) {
            if (!value.matches("[1-9][0-9]{0,4}[yd]")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a validity: write e.g. 20y or 3650d");
            }
            int amount = Integer.parseInt(value.substring(0, value.length() - 1));
            boolean years = value.endsWith("y");
            if ((years && amount > 30) || (!years && amount > 30 * 366)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is longer than 30 years");
            }
            return new Validity(amount, years);
        }
    }
}
