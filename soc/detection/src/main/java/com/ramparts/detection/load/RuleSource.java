package com.ramparts.detection.load;

/** Rule text and the name to report problems under (a path, or a test's label). */
public record RuleSource(String name, String text) {
}
