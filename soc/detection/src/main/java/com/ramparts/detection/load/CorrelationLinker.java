package com.ramparts.detection.load;

import com.ramparts.detection.compile.CompiledRule;
import com.ramparts.detection.compile.RuleCompiler;
import com.ramparts.detection.correlation.CorrelationRule;
import com.ramparts.detection.rule.LogSource;
import com.ramparts.detection.rule.Reference;
import com.ramparts.detection.rule.SigmaCorrelation;
import com.ramparts.detection.yaml.InvalidRuleException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a correlation's rule references (by id or name) and turns its group-by names, aliases
 * and condition field into ECS field names per referenced rule, through that rule's log source.
 */
final class CorrelationLinker {

    private static final LogSource NO_LOG_SOURCE = LogSource.of(null, null, null);

    private CorrelationLinker() {
    }

    static CorrelationRule link(SigmaCorrelation correlation, String source, Map<String, CompiledRule> rules,
            Map<String, CorrelationRule> correlations, Map<String, String> idByName, RuleCompiler compiler)
            throws InvalidRuleException {
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> groupFields = new LinkedHashMap<>();
        Map<String, List<String>> valueFields = new LinkedHashMap<>();
        for (Reference reference : correlation.rules()) {
            String id = idByName.getOrDefault(reference.target(), reference.target());
            LogSource logSource;
            Optional<String> name;
            if (rules.containsKey(id)) {
                logSource = rules.get(id).logSource();
                name = rules.get(id).info().name();
            } else if (correlations.containsKey(id)) {
                logSource = NO_LOG_SOURCE;
                name = correlations.get(id).info().name();
            } else {
                throw new InvalidRuleException(reference.position(), "the correlation refers to rule '"
                        + reference.target() + "', which is not loaded (unknown, or left out: see its own problem)");
            }
            if (ids.contains(id)) {
                throw new InvalidRuleException(reference.position(), "rule '" + reference.target()
                        + "' is listed twice");
            }
            ids.add(id);
            List<String> fields = new ArrayList<>();
            for (String groupBy : correlation.groupBy()) {
                fields.add(field(correlation, groupBy, reference, id, name, logSource, compiler));
            }
            groupFields.put(id, fields);
            List<String> values = new ArrayList<>();
            for (String field : correlation.condition().fields()) {
                values.add(field(correlation, field, reference, id, name, logSource, compiler));
            }
            valueFields.put(id, values);
        }
        return new CorrelationRule(correlation.info(), correlation.type(), ids, correlation.groupBy(), groupFields,
                valueFields, correlation.timespan(), correlation.condition(), correlation.generate(), true, source);
    }

    private static String field(SigmaCorrelation correlation, String name, Reference reference, String id,
            Optional<String> ruleName, LogSource logSource, RuleCompiler compiler) throws InvalidRuleException {
        Map<String, String> alias = correlation.aliases().get(name);
        String sigmaField = name;
        if (alias != null) {
            sigmaField = alias.get(reference.target());
            if (sigmaField == null) {
                sigmaField = ruleName.map(alias::get).orElse(alias.get(id));
            }
            if (sigmaField == null) {
                throw new InvalidRuleException(reference.position(), "alias '" + name + "' gives no field for rule '"
                        + reference.target() + "'");
            }
        }
        return compiler.ecsField(sigmaField, logSource, correlation.position());
    }
}
