package com.ramparts.detection.cli;

import com.ramparts.detection.load.LoadReport;
import com.ramparts.detection.load.Problem;
import com.ramparts.detection.yaml.InvalidRuleException.Kind;
import com.ramparts.detection.yaml.Position;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rules lint|test|coverage|indicators PATH...}: the library's checks from the command line. Exit status 0
 * when all is well, 1 on any problem or failed test, 2 on a usage error.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Lint, test and tabulate Sigma rule libraries.",
        subcommands = {RulesCli.Lint.class, RulesCli.Test.class, RulesCli.CoverageCommand.class,
                RulesCli.Indicators.class})
public final class RulesCli implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: usage, status 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new RulesCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    /** The loader's problems over all files, then our conventions per file. */
    public static List<Problem> lint(List<Path> paths) {
        List<Path> files = RuleLibrary.ruleFiles(paths);
        LoadReport report = RuleLibrary.loadAll(files);
        List<Problem> problems = new ArrayList<>(report.problems());
        for (Path path : paths) {
            if (!Files.exists(path)) {
                problems.add(new Problem(path.toString(), Position.UNKNOWN, "", Kind.INVALID, "no such file or directory"));
            }
        }
        for (Path file : files) {
            problems.addAll(ConventionLinter.lint(file));
        }
        return problems;
    }

    @Command(name = "lint", description = "Load the rules; print every problem as file:line:col: [rule] message.")
    static final class Lint implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "rule files or directories")
        List<Path> paths;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Problem> problems = lint(paths);
            problems.forEach(out::println);
            out.println(RuleLibrary.ruleFiles(paths).size() + " files, " + problems.size() + " problems");
            return problems.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "test", description = "Run every rule file's X.tests.yml cases; report pass/fail per case.")
    static final class Test implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "rule files or directories")
        List<Path> paths;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<CaseResult> results = RuleTestRunner.run(RuleLibrary.ruleFiles(paths));
            results.forEach(out::println);
            long failed = results.stream().filter(r -> !r.passed()).count();
            out.println(results.size() + " cases, " + failed + " failed");
            return failed == 0 && !results.isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "coverage", description = "Print a Markdown table of rules per ATT&CK tactic, technique and source.")
    static final class CoverageCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PATH", description = "the library's root directory")
        Path root;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(Coverage.markdown(Coverage.entries(root, RuleLibrary.ruleFiles(List.of(root)))));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "indicators", description = "Load IOC lists (CSV, STIX 2.1, MISP JSON) as soc would; print each feed's"
            + " count and every problem as file:line: [pointer: ]message.")
    static final class Indicators implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "PATH", description = "list files or directories")
        List<Path> paths;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            com.ramparts.detection.ioc.IndicatorLoader loader = com.ramparts.detection.ioc.IndicatorLoader.withDefaults();
            int indicators = 0;
            int problems = 0;
            for (Path path : paths) {
                com.ramparts.detection.ioc.IndicatorLoad load = Files.isDirectory(path) ? loader.load(path)
                        : loader.load(List.of(path));
                for (com.ramparts.detection.ioc.IndicatorFeed feed : load.feeds()) {
                    out.println(feed.file() + ": feed " + feed.name() + " (" + feed.format().name().toLowerCase(java.util.Locale.ROOT)
                            + "), " + feed.indicators().size() + " indicators" + (feed.skipped().isEmpty() ? ""
                            : ", skipped " + new java.util.TreeMap<>(feed.skipped())));
                }
                load.problems().forEach(out::println);
                indicators += load.indicators().size();
                problems += load.problems().size();
            }
            out.println(indicators + " indicators, " + problems + " problems");
            return problems == 0 ? 0 : 1;
        }
    }
}
