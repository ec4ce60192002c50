package com.ramparts.detection.ioc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads indicator lists: {@code *.csv} ({@link CsvFeedReader}), and {@code *.json} that is a STIX 2.1
 * bundle ({@link StixBundleReader}) or a MISP event export ({@link MispEventReader}), told apart by
 * content. The feed is named after the file ({@code vncert-2026-11.misp.json} is feed
 * {@code vncert-2026-11}). Never throws for bad content: a file that cannot be read at all is one
 * problem, a bad entry is one problem, and everything else loads. Thread-safe.
 */
public final class IndicatorLoader {

    /**
     * @param maxFileBytes         larger files are refused whole (default 256 MiB)
     * @param maxIndicatorsPerFile indicators past this many in one file are left out, with a problem (default 2,000,000)
     */
    public record Limits(long maxFileBytes, int maxIndicatorsPerFile) {
        public static final Limits DEFAULTS = new Limits(256L << 20, 2_000_000);
    }

    private final Limits limits;

    public IndicatorLoader(Limits limits) {
        this.limits = limits;
    }

    public static IndicatorLoader withDefaults() {
        return new IndicatorLoader(Limits.DEFAULTS);
    }

    /** Whether the loader reads this file: {@code .csv} or {@code .json}, not hidden. */
    public static boolean isListFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".csv") || name.endsWith(".json"));
    }

    /** Every list file under the directory (recursively), in path order. A missing directory loads nothing, with a problem. */
    public IndicatorLoad load(Path directory) {
        if (!Files.isDirectory(directory)) {
            return new IndicatorLoad(IndicatorSet.EMPTY, List.of(),
                    List.of(new IndicatorProblem(directory.toString(), 0, "", "the indicator directory does not exist")));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(IndicatorLoader::isListFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return new IndicatorLoad(IndicatorSet.EMPTY, List.of(),
                    List.of(new IndicatorProblem(directory.toString(), 0, "", "cannot list the directory: " + e.getMessage())));
        }
        return load(files);
    }

    public IndicatorLoad load(List<Path> files) {
        List<IndicatorFeed> feeds = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        List<IndicatorProblem> problems = new ArrayList<>();
        for (Path file : files) {
            IndicatorFeed feed = read(file);
            feeds.add(feed);
            indicators.addAll(feed.indicators());
            problems.addAll(feed.problems());
        }
        return new IndicatorLoad(IndicatorSet.of(indicators), feeds, problems);
    }

    public IndicatorFeed read(Path file) {
        String name = file.toString();
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        } catch (IOException | RuntimeException e) {
            return broken(name, "cannot read the file: " + e.getMessage());
        }
        return read(name, content);
    }

    /** Reads one list from its bytes; {@code fileName} decides the feed name and the format ({@code .csv} or {@code .json}). */
    public IndicatorFeed read(String fileName, byte[] content) {
        if (content.length > limits.maxFileBytes()) {
            return broken(fileName, "the file is larger than " + limits.maxFileBytes() + " bytes; split it or raise the limit");
        }
        String feed = feedName(fileName);
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            } catch (CharacterCodingException e) {
                return broken(fileName, "the file is not UTF-8 text");
            }
            return CsvFeedReader.read(feed, fileName, text, limits.maxIndicatorsPerFile());
        }
        if (!lower.endsWith(".json")) {
            return broken(fileName, "not an indicator list: the name must end in .csv or .json");
        }
        JsonTree.Node root;
        try {
            root = JsonTree.read(content);
        } catch (JsonTree.MalformedJson e) {
            return new IndicatorFeed(feed, fileName, IndicatorFeed.Format.UNKNOWN, List.of(),
                    List.of(new IndicatorProblem(fileName, e.line, "", e.getMessage())), Map.of());
        }
        if (root instanceof JsonTree.ObjectNode object && object.get("type") != null) {
            return StixBundleReader.read(feed, fileName, object, limits.maxIndicatorsPerFile());
        }
        if (MispEventReader.looksLikeMisp(root)) {
            return MispEventReader.read(feed, fileName, root, limits.maxIndicatorsPerFile());
        }
        return new IndicatorFeed(feed, fileName, IndicatorFeed.Format.UNKNOWN, List.of(),
                List.of(new IndicatorProblem(fileName, root.line(), "", "neither a STIX 2.1 bundle ({\"type\": \"bundle\", ...})"
                        + " nor a MISP event export ({\"Event\": ...} or {\"response\": [...]})")), Map.of());
    }

    private IndicatorFeed broken(String fileName, String message) {
        return new IndicatorFeed(feedName(fileName), fileName, IndicatorFeed.Format.UNKNOWN, List.of(),
                List.of(new IndicatorProblem(fileName, 0, "", message)), Map.of());
    }

    /** The file name without directory and list extensions, lower case, other than {@code a-z 0-9 . _ -} as {@code -}. */
    static String feedName(String fileName) {
        String name = Path.of(fileName).getFileName().toString().toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".stix.json", ".misp.json", ".json", ".csv")) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        StringBuilder clean = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            clean.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' ? c : '-');
        }
        return clean.isEmpty() ? "feed" : clean.toString();
    }
}
