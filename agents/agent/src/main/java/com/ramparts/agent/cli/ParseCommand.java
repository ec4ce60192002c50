package com.ramparts.agent.cli;

import com.ramparts.agent.parse.Framing;
import com.ramparts.agent.parse.ParseException;
import com.ramparts.agent.parse.ParserSettings;
import com.ramparts.agent.parse.Parsers;
import com.ramparts.agent.parse.RawRecord;
import com.ramparts.agent.parse.RecordParser;
import com.ramparts.agent.parse.Records;
import com.ramparts.agent.parse.common.BoundedParser;
import com.ramparts.telemetry.event.EventId;
import com.ramparts.telemetry.event.Origin;
import com.ramparts.telemetry.event.TelemetryEvent;
import com.ramparts.telemetry.json.TelemetryJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parse --type <format> FILE}: runs one parser over a file and prints the events as NDJSON,
 * the way users debug a parser and the way the tests drive every parser end to end.
 *
 * <p>Each event gets a fixed test origin: site {@code local}, agent {@code cli}, input the format name,
 * sequence the line number where its record starts. A record that gives several events (a restic
 * snapshot list, a Defender export array) numbers the second and later ones through the input id
 * ({@code restic.2}, {@code restic.3}, ...) so that every id stays unique. A record that fails prints a
 * {@code pipeline_error} event with {@code error.message} and {@code event.original}, as the agent
 * ships it. Exit status: 0 when every record parsed, 1 when some failed, 2 for a usage or I/O error.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse a file with one of the agent's parsers and print the events as NDJSON.")
public final class ParseCommand implements Callable<Integer> {

    /** Longer lines are cut here and flagged truncated, as the file input does. */
    static final int MAX_LINE_CHARS = 1 << 20;
    /** A JSON_VALUES file is read whole; beyond this it is refused rather than exhausting the heap. */
    static final long MAX_DOCUMENT_BYTES = 64L << 20;
    static final String SITE = "local";
    static final String AGENT = "cli";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-t", "--type"}, required = true, paramLabel = "<format>",
            description = "the format: ${COMPLETION-CANDIDATES}", completionCandidates = FormatNames.class)
    private String type;

    @Option(names = "--zone", paramLabel = "<zone>",
            description = "zone of timestamps written without an offset (default: ${DEFAULT-VALUE})",
            defaultValue = "Asia/Ho_Chi_Minh")
    private String zone;

    @Option(names = "--framing", paramLabel = "<framing>",
            description = "override how the file divides into records: ${COMPLETION-CANDIDATES}")
    private Framing framing;

    @Option(names = "--received-at", paramLabel = "<instant>",
            description = "when the records count as read (ISO-8601); the timestamp of records that carry none. Default: now")
    private String receivedAt;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file to parse")
    private Path file;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ParseCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Parsers.Format format;
        ParserSettings settings;
        Instant received;
        try {
            format = Parsers.format(type);
            settings = new ParserSettings(ZoneId.of(zone));
            received = receivedAt == null ? Instant.now() : Instant.parse(receivedAt);
        } catch (IllegalArgumentException | DateTimeException e) {
            err.println("parse: " + e.getMessage());
            return 2;
        }
        List<Records.Numbered> records;
        try {
            records = Records.split(read(file), framing == null ? format.framing() : framing, MAX_LINE_CHARS);
        } catch (IOException e) {
            err.println("parse: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        return run(format, format.create(settings), records, received, spec.commandLine().getOut());
    }

    private int run(Parsers.Format format, RecordParser parser, List<Records.Numbered> records, Instant received, PrintWriter out) {
        TelemetryJson json = new TelemetryJson();
        String source = file.toString();
        boolean failed = false;
        for (Records.Numbered record : records) {
            RawRecord raw = new RawRecord(record.text(), received, source, record.truncated());
            List<TelemetryEvent.Builder> drafts = new ArrayList<>(1);
            try {
                parser.parse(raw, drafts::add);
            } catch (ParseException e) {
                failed = true;
                drafts = List.of(pipelineError(raw, e.reason()));
            }
            for (int i = 0; i < drafts.size(); i++) {
                String input = i == 0 ? format.name() : format.name() + "." + (i + 1);
                TelemetryEvent event = drafts.get(i).origin(Origin.of(SITE, new EventId(AGENT, input, record.line()))).build();
                out.println(new String(json.write(event), StandardCharsets.UTF_8));
            }
        }
        out.flush();
        return failed ? 1 : 0;
    }

    /** The event the pipeline ships for a record its parser refused. */
    static TelemetryEvent.Builder pipelineError(RawRecord record, String reason) {
        String text = record.text();
        TelemetryEvent.Builder error = TelemetryEvent.builder()
                .timestamp(record.receivedAt())
                .original(text.length() <= BoundedParser.MAX_RECORD_CHARS ? text : text.substring(0, BoundedParser.MAX_RECORD_CHARS))
                .put("event.kind", "pipeline_error")
                .put("error.message", reason);
        if (record.truncated() || text.length() > BoundedParser.MAX_RECORD_CHARS) {
            error.put("tags", List.of(BoundedParser.TRUNCATED_TAG));
        }
        return error;
    }

    private static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_BYTES) {
            throw new IOException("the file is " + size + " bytes; parse reads at most " + MAX_DOCUMENT_BYTES);
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // malformed input becomes U+FFFD
    }

    /** The format names, for picocli's help and completion. */
    static final class FormatNames extends ArrayList<String> {
        FormatNames() {
            super(Parsers.all().keySet());
        }
    }
}
