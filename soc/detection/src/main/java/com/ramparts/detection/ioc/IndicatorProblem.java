package com.ramparts.detection.ioc;

/**
 * Why an indicator (or a whole list file) was left out.
 *
 * @param file    the list file
 * @param line    1-based line in it, 0 when unknown
 * @param pointer JSON pointer (RFC 6901) of the offending value in a STIX or MISP document, empty for CSV
 */
public record IndicatorProblem(String file, int line, String pointer, String message) {

    public IndicatorProblem {
        pointer = pointer == null ? "" : pointer;
    }

    /** {@code file:line: message} or {@code file:line: /objects/3/pattern: message}, as editors and CI logs read it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (pointer.isEmpty() ? "" : pointer + ": ") + message;
    }
}
