package com.ramparts.detection.yaml;

/**
 * Bounds on what one rule file may cost to read, so that a hostile or broken file (a YAML bomb, a
 * 100 MB paste, 100,000 nested brackets) becomes a problem report instead of an outage.
 *
 * @param maxFileChars    characters per file
 * @param maxDepth        nesting of maps and lists
 * @param maxAliases      aliases to collections per file (the billion-laughs vector)
 * @param maxNodes        nodes per document after alias expansion
 * @param maxDocuments    documents per file
 */
public record YamlLimits(int maxFileChars, int maxDepth, int maxAliases, int maxNodes, int maxDocuments) {

    public static final YamlLimits DEFAULT = new YamlLimits(1_000_000, 64, 20, 100_000, 200);

    public YamlLimits {
        if (maxFileChars < 1 || maxDepth < 1 || maxAliases < 0 || maxNodes < 1 || maxDocuments < 1) {
            throw new IllegalArgumentException("YAML limits must be positive");
        }
    }
}
