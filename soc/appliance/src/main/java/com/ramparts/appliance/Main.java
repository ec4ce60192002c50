package com.ramparts.appliance;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ramparts up|down|status|logs}: the appliance on one host. */
@Command(name = "ramparts", mixinStandardHelpOptions = true, version = "Ramparts 0.1.0",
        description = "Runs the Ramparts appliance (Kafka, OpenSearch, pki, soc) on this host.",
        subcommands = {Main.Up.class, Main.Down.class, Main.Status.class, Main.Logs.class, Main.AllowSite.class,
                Main.DenySite.class})
public final class Main {

    @Option(names = "--home", description = "The Ramparts checkout (default: the current directory).", defaultValue = ".")
    Path home;

    @Option(names = "--data", description = "The data directory (default: <home>/data, or RAMPARTS_DATA).")
    Path data;

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        Main main = new Main();
        main.env = env;
        return new CommandLine(main).setExecutionStrategy(new CommandLine.RunLast()).execute(args);
    }

    private Map<String, String> env = Map.of();

    /** Runs {@code action} on the appliance, or explains a configuration error and refuses. */
    int withAppliance(java.util.function.ToIntFunction<Appliance> action) {
        return withAppliance(0, action);
    }

    int withAppliance(int demoSites, java.util.function.ToIntFunction<Appliance> action) {
        Path dataDir = data != null ? data : env.containsKey("RAMPARTS_DATA") ? Path.of(env.get("RAMPARTS_DATA")) : home.resolve("data");
        Layout layout = new Layout(home, dataDir);
        Messages messages = Messages.fromEnvironment(env);
        ApplianceConfig config;
        try {
            config = ApplianceConfig.load(layout.configFile(), env);
        } catch (ApplianceConfig.ConfigException e) {
            System.out.println(messages.get("config.invalid", e.getMessage()));
            return Appliance.REFUSED;
        }
        return action.applyAsInt(new Appliance(config, layout, messages, System.out, demoSites));
    }

    @Command(name = "up", description = "Start every part that is not running and wait until all are healthy.")
    static final class Up implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Option(names = "--demo-sites", paramLabel = "N", defaultValue = "0",
                description = "Also run N simulated sites (0-2000) shipping realistic telemetry, for a living dashboard; down stops them.")
        int demoSites;

        @Override
        public Integer call() {
            if (demoSites < 0 || demoSites > 2000) {
                System.out.println("--demo-sites must be 0 to 2000, not " + demoSites);
                return Appliance.REFUSED;
            }
            return main.withAppliance(demoSites, Appliance::up);
        }
    }

    @Command(name = "down", description = "Stop every part cleanly (SIGTERM, then SIGKILL after 60 s).")
    static final class Down implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() {
            return main.withAppliance(Appliance::down);
        }
    }

    @Command(name = "status", description = "Show each part: running and healthy, unhealthy, or stopped. Exit 0 only if all are healthy.")
    static final class Status implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() {
            return main.withAppliance(Appliance::status);
        }
    }

    @Command(name = "logs", description = "Show the end of the parts' logs.")
    static final class Logs implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(description = "Parts to show (kafka, opensearch, pki, soc); all by default.")
        List<String> parts = List.of();

        @Option(names = {"-n", "--lines"}, description = "How many lines of each (default: 50).", defaultValue = "50")
        int lines;

        @Override
        public Integer call() {
            return main.withAppliance(appliance -> appliance.logs(parts, Math.max(1, Math.min(lines, 100_000))));
        }
    }

    @Command(name = "allow-site", description = "Let sites' agents write their own topic telemetry.site.<site> (created if missing) with their pki certificate.")
    static final class AllowSite implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(arity = "1..*", paramLabel = "SITE", description = "Site ids (the CN of their agent certificates).")
        List<String> sites;

        @Override
        public Integer call() {
            return main.withAppliance(appliance -> appliance.siteAccess(sites, true));
        }
    }

    @Command(name = "deny-site", description = "Take away sites' right to write to Kafka (their topics and events stay).")
    static final class DenySite implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Parameters(arity = "1..*", paramLabel = "SITE", description = "Site ids.")
        List<String> sites;

        @Override
        public Integer call() {
            return main.withAppliance(appliance -> appliance.siteAccess(sites, false));
        }
    }
}
