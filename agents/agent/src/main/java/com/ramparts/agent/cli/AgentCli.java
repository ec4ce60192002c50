package com.ramparts.agent.cli;

import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.ConfigError;
import com.ramparts.agent.config.ConfigLoader;
import com.ramparts.agent.config.InvalidConfigException;
import com.ramparts.agent.parse.ParserSettings;
import com.ramparts.agent.parse.Parsers;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.agent.pipeline.Agent;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ramparts-agent}: the site agent's command line.
 *
 * <pre>
 * ramparts-agent run --config /etc/ramparts-agent/agent.yml      run until SIGTERM
 * ramparts-agent run --config agent.yml --check-config           validate, print OK or the problems
 * ramparts-agent parse --type suricata-eve eve.json              print a file's events as NDJSON
 * ramparts-agent simulate --sites 20 --eps 200 --seed 7          a city in miniature, to the appliance's Kafka
 * ramparts-agent enroll --pki https://pki:8443 --token T --site ward-03 --ca-fingerprint AB:CD:...
 * ramparts-agent --version
 * </pre>
 *
 * Exit status: 0 success, 1 invalid configuration, 2 usage error, 3 start-up failure.
 */
@Command(name = "ramparts-agent", mixinStandardHelpOptions = true, versionProvider = AgentCli.Version.class,
        description = "The Ramparts site agent: collects security telemetry, spools it on disk, ships it to the SOC.",
        subcommands = {AgentCli.Run.class, ParseCommand.class, EnrollCommand.class, SimulateCommand.class})
public final class AgentCli implements Runnable {

    static final int INVALID_CONFIG = 1;
    static final int STARTUP_FAILED = 3;

    private final Function<String, RecordParser> parsers;

    @Spec
    private CommandSpec spec;

    /** @param parsers a fresh parser for a format name, or null when the name is unknown */
    public AgentCli(Function<String, RecordParser> parsers) {
        this.parsers = parsers;
    }

    public static void main(String[] args) {
        configureLogging();
        System.exit(commandLine(AgentCli::builtInParser).execute(args));
    }

    /** The command line, for main and tests. */
    public static CommandLine commandLine(Function<String, RecordParser> parsers) {
        AgentCli cli = new AgentCli(parsers);
        return new CommandLine(cli, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == Run.class) {
                    return type.cast(new Run(cli));
                }
                return CommandLine.defaultFactory().create(type);
            }
        });
    }

    /** The parser registry the agent uses: a fresh parser of {@link Parsers} per input, null for an unknown name. */
    static RecordParser builtInParser(String format) {
        return Parsers.all().containsKey(format) ? Parsers.create(format, ParserSettings.DEFAULTS) : null;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private boolean knownFormat(String format) {
        try {
            return parsers.apply(format) != null;
        } catch (IllegalArgumentException e) {
            return false; // a registry that refuses unknown names instead of answering null
        }
    }

    /** {@code run}: start the agent, or only check the configuration. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run the agent until SIGTERM (or only check its configuration).")
    static final class Run implements Callable<Integer> {

        private final AgentCli cli;

        @Spec
        private CommandSpec spec;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration")
        private Path config;

        @Option(names = "--check-config", description = "validate the configuration, print OK or its problems, exit")
        private boolean checkOnly;

        Run(AgentCli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AgentConfig agentConfig;
            try {
                agentConfig = new ConfigLoader(cli::knownFormat).load(config);
            } catch (InvalidConfigException e) {
                err.println(config + ": " + e.errors().size() + " problem(s)");
                for (ConfigError error : e.errors()) {
                    err.println("  " + config.getFileName() + ":" + error);
                }
                err.flush();
                return INVALID_CONFIG;
            } catch (IOException e) {
                err.println("cannot read " + config + ": " + e);
                err.flush();
                return INVALID_CONFIG;
            }
            if (checkOnly) {
                out.println(config + ": OK (" + agentConfig.inputs().size() + " input(s), agent "
                        + agentConfig.agentId() + ", site " + agentConfig.siteId() + ")");
                out.flush();
                return 0;
            }
            Agent agent;
            try {
                agent = Agent.start(agentConfig, cli.parsers, Version.current());
            } catch (IOException | RuntimeException e) {
                err.println("the agent cannot start: " + e.getMessage());
                err.flush();
                return STARTUP_FAILED;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.close(); // SIGTERM: flush, checkpoint, persist the spool cursor
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }
    }

    /** The agent's version, from the jar's Maven metadata. */
    static final class Version implements CommandLine.IVersionProvider {

        static String current() {
            try (InputStream in = AgentCli.class.getResourceAsStream(
                    "/META-INF/maven/com.ramparts/ramparts-agent/pom.properties")) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    return properties.getProperty("version", "dev");
                }
            } catch (IOException e) {
                // fall through
            }
            String implementation = AgentCli.class.getPackage().getImplementationVersion();
            return implementation == null ? "dev" : implementation;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"ramparts-agent " + current(), "Java " + Runtime.version()};
        }
    }

    /** One line per event, with time and thread: {@code key=value} messages are grep- and parse-friendly. */
    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setDefault("org.slf4j.simpleLogger.showThreadName", "true");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
