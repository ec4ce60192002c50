package com.ramparts.soc.correlation.stream;

import com.ramparts.detection.correlation.CorrelationRule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * What a correlation rule's state depends on, hashed: type, referenced rules, group-by, fields,
 * timespan and condition (not its title or level). Maps are sorted first, so the hash is the same in
 * every JVM; a state written under another hash belongs to another definition and is dropped.
 */
final class RuleFingerprints {

    private RuleFingerprints() {
    }

    static String of(CorrelationRule rule) {
        String canonical = String.join("\n", rule.type().name(), rule.rules().toString(), rule.groupBy().toString(),
                new TreeMap<>(rule.groupFields()).toString(), new TreeMap<>(rule.valueFields()).toString(),
                Long.toString(rule.timespan().toMillis()), rule.condition().toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
