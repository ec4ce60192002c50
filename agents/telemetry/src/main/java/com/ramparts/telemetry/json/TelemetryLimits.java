package com.ramparts.telemetry.json;

/**
 * Bounds on an event document read from the wire, so that hostile or broken input fails fast with a
 * reason instead of exhausting memory or the stack.
 *
 * @param maxDocumentBytes  size of the whole JSON document in bytes (default 1 MiB)
 * @param maxDepth          nesting of objects and arrays, the root object counting as 1 (default 16; at most 64)
 * @param maxFields         ECS fields besides the typed core (default 1,000, OpenSearch's default
 *                          {@code index.mapping.total_fields.limit})
 * @param maxStringLength   characters in any string value other than {@code event.original} (default 32,768:
 *                          a Windows command line)
 * @param maxOriginalLength characters in {@code event.original} (default 262,144)
 * @param maxArrayLength    elements in one array of strings (default 1,024)
 */
public record TelemetryLimits(int maxDocumentBytes, int maxDepth, int maxFields, int maxStringLength,
                              int maxOriginalLength, int maxArrayLength) {

    public static final TelemetryLimits DEFAULTS = new TelemetryLimits(1 << 20, 16, 1_000, 32_768, 262_144, 1_024);

    /** Our reader recurses once per level; this cap keeps that recursion far from the thread's stack size. */
    static final int DEPTH_CEILING = 64;

    public TelemetryLimits {
        positive("maxDocumentBytes", maxDocumentBytes);
        positive("maxFields", maxFields);
        positive("maxStringLength", maxStringLength);
        positive("maxOriginalLength", maxOriginalLength);
        positive("maxArrayLength", maxArrayLength);
        if (maxDepth < 2 || maxDepth > DEPTH_CEILING) {
            // 2 is the least that holds the nested "ramparts" object
            throw new IllegalArgumentException("maxDepth must be between 2 and " + DEPTH_CEILING + ", was " + maxDepth);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    public TelemetryLimits withMaxDocumentBytes(int bytes) {
        return new TelemetryLimits(bytes, maxDepth, maxFields, maxStringLength, maxOriginalLength, maxArrayLength);
    }

    public TelemetryLimits withMaxDepth(int depth) {
        return new TelemetryLimits(maxDocumentBytes, depth, maxFields, maxStringLength, maxOriginalLength, maxArrayLength);
    }

    public TelemetryLimits withMaxFields(int fields) {
        return new TelemetryLimits(maxDocumentBytes, maxDepth, fields, maxStringLength, maxOriginalLength, maxArrayLength);
    }

    public TelemetryLimits withMaxStringLength(int chars) {
        return new TelemetryLimits(maxDocumentBytes, maxDepth, maxFields, chars, maxOriginalLength, maxArrayLength);
    }

    public TelemetryLimits withMaxOriginalLength(int chars) {
        return new TelemetryLimits(maxDocumentBytes, maxDepth, maxFields, maxStringLength, chars, maxArrayLength);
    }

    public TelemetryLimits withMaxArrayLength(int elements) {
        return new TelemetryLimits(maxDocumentBytes, maxDepth, maxFields, maxStringLength, maxOriginalLength, elements);
    }
}
