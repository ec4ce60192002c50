package com.ramparts.detection.load;

import com.ramparts.detection.compile.CompiledRule;
import com.ramparts.detection.compile.RuleCompiler;
import com.ramparts.detection.compile.RuleSet;
import com.ramparts.detection.correlation.CorrelationRule;
import com.ramparts.detection.mapping.TaxonomyMapping;
import com.ramparts.detection.modifier.Placeholders;
import com.ramparts.detection.rule.LogSource;
import com.ramparts.detection.rule.Reference;
import com.ramparts.detection.rule.RuleParser;
import com.ramparts.detection.rule.SigmaCorrelation;
import com.ramparts.detection.rule.SigmaDocument;
import com.ramparts.detection.rule.SigmaFilter;
import com.ramparts.detection.rule.SigmaRule;
import com.ramparts.detection.yaml.InvalidRuleException;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;
import com.ramparts.detection.yaml.YamlLimits;
import com.ramparts.detection.yaml.YamlReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Sigma rule files into a {@link RuleSet} and correlation rules, with a {@link Problem} for
 * every document it had to leave out. Never throws for bad rule content: malformed YAML, YAML bombs,
 * wrong types, unknown modifiers and fields, unresolved references all become problems, and the
 * other rules load. Stateless and thread-safe.
 */
public final class RuleLoader {

    private final TaxonomyMapping mapping;
    private final Placeholders placeholders;
    private final ZoneId zone;
    private final YamlLimits limits;

    private RuleLoader(Builder builder) {
        this.mapping = builder.mapping;
        this.placeholders = builder.placeholders;
        this.zone = builder.zone;
        this.limits = builder.limits;
    }

    public static RuleLoader withDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private TaxonomyMapping mapping = TaxonomyMapping.defaults();
        private Placeholders placeholders = Placeholders.NONE;
        private ZoneId zone = ZoneOffset.UTC;
        private YamlLimits limits = YamlLimits.DEFAULT;

        private Builder() {
        }

        public Builder mapping(TaxonomyMapping mapping) {
            this.mapping = Objects.requireNonNull(mapping);
            return this;
        }

        /** Values for {@code expand} placeholders; an unresolved placeholder is a load problem. */
        public Builder placeholders(Placeholders placeholders) {
            this.placeholders = Objects.requireNonNull(placeholders);
            return this;
        }

        /** The zone the time modifiers ({@code hour}, {@code day}, ...) read dates in; UTC by default. */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        public Builder limits(YamlLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public RuleLoader build() {
            return new RuleLoader(this);
        }
    }

    /** Suffix of the test cases beside a rule file: {@code X.yml} is tested by {@code X.tests.yml}, never loaded as rules. */
    public static final String TESTS_SUFFIX = ".tests.yml";

    /** Loads files and directories (recursively: every rule file, see {@link #isRuleFile}, in path order). */
    public LoadReport load(List<Path> paths) {
        List<RuleSource> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path path : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(RuleLoader::isRuleFile).sorted().forEach(files::add);
                } catch (IOException | RuntimeException e) {
                    problems.add(fileProblem(path, "cannot list the directory: " + e.getMessage()));
                }
            } else {
                files.add(path);
            }
            for (Path file : files) {
                read(file, sources, problems);
            }
        }
        return load(sources, problems);
    }

    public LoadReport loadString(String name, String yaml) {
        return loadSources(List.of(new RuleSource(name, yaml)));
    }

    public LoadReport loadSources(List<RuleSource> sources) {
        return load(sources, new ArrayList<>());
    }

    /** A {@code .yml}/{@code .yaml} file that is not a rule's test cases. */
    public static boolean isRuleFile(Path path) {
        String name = path.getFileName().toString();
        return (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.endsWith(TESTS_SUFFIX);
    }

    private void read(Path file, List<RuleSource> sources, List<Problem> problems) {
        try {
            long size = Files.size(file);
            if (size > 4L * limits.maxFileChars()) {
                problems.add(fileProblem(file, "the file has " + size + " bytes; at most " + limits.maxFileChars()
                        + " characters are read"));
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            sources.add(new RuleSource(file.toString(), text));
        } catch (CharacterCodingException e) {
            problems.add(fileProblem(file, "the file is not UTF-8 text"));
        } catch (IOException | RuntimeException e) {
            problems.add(fileProblem(file, "cannot read the file: " + e.getMessage()));
        }
    }

    private static Problem fileProblem(Path path, String message) {
        return new Problem(path.toString(), Position.UNKNOWN, "", Kind.INVALID, message);
    }

    private record Parsed(String source, SigmaDocument document) {
    }

    private LoadReport load(List<RuleSource> sources, List<Problem> problems) {
        YamlReader reader = new YamlReader(limits);
        List<Parsed> parsed = new ArrayList<>();
        int documents = 0;
        for (RuleSource source : sources) {
            for (YamlReader.Document document : reader.read(source.name(), source.text())) {
                documents++;
                if (document.problem() != null) {
                    problems.add(problem(source.name(), "", document.problem()));
                    continue;
                }
                if (document.root() instanceof com.ramparts.detection.yaml.YamlNode.Scalar s && s.isNull()) {
                    documents--; // an empty document, e.g. after a trailing '---'
                    continue;
                }
                try {
                    parsed.add(new Parsed(source.name(), RuleParser.parse(document.root())));
                } catch (InvalidRuleException e) {
                    problems.add(problem(source.name(), titleOf(document.root()), e));
                } catch (RuntimeException e) {
                    problems.add(new Problem(source.name(), document.root().position(), titleOf(document.root()),
                            Kind.INVALID, "the rule cannot be read (" + e + ")"));
                }
            }
        }
        return link(parsed, problems, documents);
    }

    private static String titleOf(com.ramparts.detection.yaml.YamlNode root) {
        if (root instanceof com.ramparts.detection.yaml.YamlNode.MapNode map
                && map.get("title") instanceof com.ramparts.detection.yaml.YamlNode.Scalar title) {
            return title.text();
        }
        return "";
    }

    private static Problem problem(String source, String rule, InvalidRuleException e) {
        return new Problem(source, e.position(), rule, e.kind(), e.getMessage());
    }

    private LoadReport link(List<Parsed> parsed, List<Problem> problems, int documents) {
        // Ids must be unique: a second document with a used id is left out.
        Map<String, Parsed> byId = new LinkedHashMap<>();
        Map<String, String> idByName = new HashMap<>();
        List<Parsed> unique = new ArrayList<>();
        for (Parsed p : parsed) {
            String id = p.document().info().id();
            Parsed previous = byId.putIfAbsent(id, p);
            if (previous != null) {
                problems.add(new Problem(p.source(), p.document().position(), p.document().info().title(), Kind.INVALID,
                        "id '" + id + "' is already used by '" + previous.document().info().title() + "' in "
                                + previous.source()));
                continue;
            }
            p.document().info().name().ifPresent(name -> idByName.putIfAbsent(name, id));
            unique.add(p);
        }
        List<Parsed> filters = unique.stream().filter(p -> p.document() instanceof SigmaFilter).toList();
        for (Parsed filter : filters) {
            for (Reference reference : ((SigmaFilter) filter.document()).rules()) {
                if (!byId.containsKey(reference.target()) && !idByName.containsKey(reference.target())) {
                    problems.add(new Problem(filter.source(), reference.position(), filter.document().info().title(),
                            Kind.INVALID, "the filter refers to rule '" + reference.target() + "', which is not loaded"));
                }
            }
        }

        RuleCompiler compiler = new RuleCompiler(mapping, placeholders, zone);
        Map<String, CompiledRule> compiled = new LinkedHashMap<>();
        for (Parsed p : unique) {
            if (p.document() instanceof SigmaRule rule) {
                compileRule(compiler, p.source(), rule, applicableFilters(rule, filters), filterSources(filters), problems)
                        .ifPresent(c -> compiled.put(c.info().id(), c));
            }
        }

        Map<String, CorrelationRule> correlations = new LinkedHashMap<>();
        Map<String, Parsed> pending = new LinkedHashMap<>();
        for (Parsed p : unique) {
            if (p.document() instanceof SigmaCorrelation) {
                pending.put(p.document().info().id(), p);
            }
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Parsed p : List.copyOf(pending.values())) {
                SigmaCorrelation correlation = (SigmaCorrelation) p.document();
                if (waitsForPendingCorrelation(correlation, pending, idByName)) {
                    continue;
                }
                pending.remove(correlation.info().id());
                progress = true;
                try {
                    CorrelationRule rule = CorrelationLinker.link(correlation, p.source(), compiled, correlations,
                            idByName, compiler);
                    correlations.put(rule.info().id(), rule);
                } catch (InvalidRuleException e) {
                    problems.add(problem(p.source(), correlation.info().title(), e));
                }
            }
        }
        for (Parsed p : pending.values()) {
            problems.add(new Problem(p.source(), p.document().position(), p.document().info().title(), Kind.INVALID,
                    "the correlation refers to itself through other correlations (a cycle)"));
        }

        Set<String> referenced = new HashSet<>();
        Set<String> generated = new HashSet<>();
        for (CorrelationRule correlation : correlations.values()) {
            referenced.addAll(correlation.rules());
            if (correlation.generate()) {
                generated.addAll(correlation.rules());
            }
        }
        List<CompiledRule> rules = new ArrayList<>();
        for (CompiledRule rule : compiled.values()) {
            String id = rule.info().id();
            rules.add(rule.withAlerting(!referenced.contains(id) || generated.contains(id)));
        }
        List<CorrelationRule> linked = new ArrayList<>();
        for (CorrelationRule rule : correlations.values()) {
            String id = rule.info().id();
            linked.add(rule.withAlerting(!referenced.contains(id) || generated.contains(id)));
        }
        return new LoadReport(RuleSet.of(rules), linked, problems, documents);
    }

    private static boolean waitsForPendingCorrelation(SigmaCorrelation correlation, Map<String, Parsed> pending,
            Map<String, String> idByName) {
        for (Reference reference : correlation.rules()) {
            String id = idByName.getOrDefault(reference.target(), reference.target());
            if (pending.containsKey(id) && !id.equals(correlation.info().id())) {
                return true;
            }
        }
        return false;
    }

    private static List<SigmaFilter> applicableFilters(SigmaRule rule, List<Parsed> filters) {
        List<SigmaFilter> applicable = new ArrayList<>();
        for (Parsed p : filters) {
            SigmaFilter filter = (SigmaFilter) p.document();
            LogSource logSource = filter.logSource();
            if (!logSource.covers(rule.logSource())) {
                continue;
            }
            boolean named = filter.appliesToAny() || filter.rules().stream().anyMatch(r -> r.target().equals(
                    rule.info().id()) || rule.info().name().map(r.target()::equals).orElse(false));
            if (named) {
                applicable.add(filter);
            }
        }
        return applicable;
    }

    private static Map<SigmaFilter, String> filterSources(List<Parsed> filters) {
        Map<SigmaFilter, String> sources = new HashMap<>();
        filters.forEach(p -> sources.put((SigmaFilter) p.document(), p.source()));
        return sources;
    }

    private static java.util.Optional<CompiledRule> compileRule(RuleCompiler compiler, String source, SigmaRule rule,
            List<SigmaFilter> filters, Map<SigmaFilter, String> filterSources, List<Problem> problems) {
        try {
            return java.util.Optional.of(compiler.compile(rule, filters, source));
        } catch (InvalidRuleException e) {
            if (!filters.isEmpty()) {
                try {
                    CompiledRule unfiltered = compiler.compile(rule, List.of(), source);
                    // The rule is fine on its own, so a filter is at fault; find which and keep the rest.
                    List<SigmaFilter> good = new ArrayList<>();
                    for (SigmaFilter filter : filters) {
                        try {
                            compiler.compile(rule, List.of(filter), source);
                            good.add(filter);
                        } catch (InvalidRuleException bad) {
                            problems.add(new Problem(filterSources.get(filter), bad.position(), filter.info().title(), bad.kind(),
                                    "filter not applied to '" + rule.info().title() + "': " + bad.getMessage()));
                        }
                    }
                    return java.util.Optional.of(good.isEmpty() ? unfiltered : compiler.compile(rule, good, source));
                } catch (InvalidRuleException ignored) {
                    // the rule itself is broken: report that
                } catch (RuntimeException ignored) {
                    // reported below as the rule's problem
                }
            }
            problems.add(problem(source, rule.info().title(), e));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new Problem(source, rule.position(), rule.info().title(), Kind.INVALID,
                    "the rule cannot be compiled (" + e.getClass().getSimpleName() + ")"));
        }
        return java.util.Optional.empty();
    }
}
