package com.ramparts.detection.cli;

/** The outcome of one test case, or of a test file that could not run ({@code name} then says why). */
public record CaseResult(String file, String name, boolean passed, String detail) {

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + file + ": " + name + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
