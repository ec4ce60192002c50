package com.ramparts.pki.cli;

import com.ramparts.pki.error.PkiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Set;

/** {@code pki}: the root command. */
@Command(name = "pki", mixinStandardHelpOptions = true, version = "Ramparts pki 0.1",
        description = "Ramparts certificate authority: key ceremonies (and, later, everything the API does).",
        subcommands = {CaCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class PkiCli implements Runnable {

    private static final Set<String> OWN_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether these arguments are for the command line rather than for the service (whose options all start with "--key="). */
    public static boolean handles(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || OWN_OPTIONS.contains(args[0]));
    }

    public static int run(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs a command with the given output streams; returns the exit code (0 ok, 1 refused, 2 usage). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new PkiCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof PkiException refused) {
                line.getErr().println("error: " + refused.getMessage() + " [" + refused.error().code() + "]");
                return 1;
            }
            throw exception;
        });
        return commandLine.execute(args);
    }
}
