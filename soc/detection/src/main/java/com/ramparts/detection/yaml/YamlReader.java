package com.ramparts.detection.yaml;

import com.ramparts.detection.yaml.YamlNode.Entry;
import com.ramparts.detection.yaml.YamlNode.MapNode;
import com.ramparts.detection.yaml.YamlNode.Scalar;
import com.ramparts.detection.yaml.YamlNode.ScalarType;
import com.ramparts.detection.yaml.YamlNode.SeqNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads every document of a YAML text into {@link YamlNode} trees, within {@link YamlLimits}. Never
 * throws for bad input: each document is either a tree or a {@link InvalidRuleException}; after a syntax
 * error the rest of the file cannot be trusted, so reading stops there.
 */
public final class YamlReader {

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    /** One document: {@code root} when it was read, otherwise {@code problem}. */
    public record Document(YamlNode root, InvalidRuleException problem) {
        static Document of(YamlNode root) {
            return new Document(root, null);
        }

        static Document failed(InvalidRuleException problem) {
            return new Document(null, problem);
        }
    }

    public List<Document> read(String name, String text) {
        List<Document> documents = new ArrayList<>();
        if (text.length() > limits.maxFileChars()) {
            documents.add(Document.failed(new InvalidRuleException(new Position(1, 1), "the file has " + text.length()
                    + " characters; at most " + limits.maxFileChars() + " are read")));
            return documents;
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(name)
                .setSchema(new CoreSchema())
                .setMaxAliasesForCollections(limits.maxAliases())
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(true) // reported by the converter, with the key's position
                .setCodePointLimit(limits.maxFileChars() + 1)
                .setUseMarks(true)
                .build();
        try {
            Parser parser = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, text)),
                    limits.maxDepth());
            Composer composer = new Composer(settings, parser);
            while (composer.hasNext()) {
                if (documents.size() >= limits.maxDocuments()) {
                    documents.add(Document.failed(new InvalidRuleException(Position.UNKNOWN,
                            "the file has more than " + limits.maxDocuments() + " documents")));
                    break;
                }
                Node node = composer.next();
                try {
                    documents.add(Document.of(new Converter().convert(node, 0)));
                } catch (InvalidRuleException problem) {
                    documents.add(Document.failed(problem));
                }
            }
        } catch (TooDeep e) {
            documents.add(Document.failed(new InvalidRuleException(position(e.mark), "maps and lists are nested more than "
                    + limits.maxDepth() + " levels deep")));
        } catch (MarkedYamlEngineException e) {
            Position where = position(e.getProblemMark().or(e::getContextMark));
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            documents.add(Document.failed(new InvalidRuleException(where, "invalid YAML: " + context + oneLine(problem))));
        } catch (YamlEngineException e) {
            documents.add(Document.failed(new InvalidRuleException(Position.UNKNOWN, "invalid YAML: " + oneLine(e.getMessage()))));
        } catch (RuntimeException | StackOverflowError e) {
            // The parser is third-party code: whatever it throws is this file's problem, not the loader's.
            documents.add(Document.failed(new InvalidRuleException(Position.UNKNOWN,
                    "unreadable YAML (" + e.getClass().getSimpleName() + ")")));
        }
        return documents;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    static Position position(Optional<Mark> mark) {
        return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(Position.UNKNOWN);
    }

    private final class Converter {
        private int nodes;

        YamlNode convert(Node node, int depth) throws InvalidRuleException {
            Position position = position(node.getStartMark());
            if (++nodes > limits.maxNodes()) {
                throw new InvalidRuleException(position, "the document expands to more than " + limits.maxNodes()
                        + " nodes (too large, or aliases that multiply)");
            }
            if (depth > limits.maxDepth()) {
                throw new InvalidRuleException(position, "maps and lists are nested more than " + limits.maxDepth()
                        + " levels deep");
            }
            return switch (node) {
                case ScalarNode scalar -> scalar(scalar, position);
                case SequenceNode sequence -> {
                    List<YamlNode> items = new ArrayList<>(sequence.getValue().size());
                    for (Node item : sequence.getValue()) {
                        items.add(convert(item, depth + 1));
                    }
                    yield new SeqNode(List.copyOf(items), position);
                }
                case MappingNode mapping -> map(mapping, position, depth);
                default -> throw new InvalidRuleException(position, "unsupported YAML node");
            };
        }

        private MapNode map(MappingNode mapping, Position position, int depth) throws InvalidRuleException {
            List<Entry> entries = new ArrayList<>(mapping.getValue().size());
            Set<String> keys = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw new InvalidRuleException(position(tuple.getKeyNode().getStartMark()),
                            "map keys must be plain text, not a list or a map");
                }
                Scalar key = scalar(keyNode, position(keyNode.getStartMark()));
                if (!keys.add(key.text())) {
                    throw new InvalidRuleException(key.position(), "key '" + key.text() + "' is given twice in the same map");
                }
                entries.add(new Entry(key, convert(tuple.getValueNode(), depth + 1)));
            }
            return new MapNode(List.copyOf(entries), position);
        }

        private static Scalar scalar(ScalarNode scalar, Position position) {
            Tag tag = scalar.getTag();
            ScalarType type;
            if (Tag.INT.equals(tag)) {
                type = ScalarType.INTEGER;
            } else if (Tag.FLOAT.equals(tag)) {
                type = ScalarType.FLOAT;
            } else if (Tag.BOOL.equals(tag)) {
                type = ScalarType.BOOLEAN;
            } else if (Tag.NULL.equals(tag)) {
                type = ScalarType.NULL;
            } else {
                type = ScalarType.STRING;
            }
            ScalarStyle style = scalar.getScalarStyle();
            boolean oneLine = position(scalar.getEndMark()).line() == position.line();
            boolean quoted = style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED;
            boolean simple = oneLine && (style == ScalarStyle.PLAIN || style == ScalarStyle.SINGLE_QUOTED);
            return new Scalar(scalar.getValue(), type, position, simple, quoted ? 1 : 0);
        }
    }

    private static final class TooDeep extends RuntimeException {
        final Optional<Mark> mark;

        TooDeep(Optional<Mark> mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }

    /** Stops at excessive nesting before the (recursive) composer can overflow the stack. */
    private static final class DepthLimitedParser implements Parser {
        private final Parser delegate;
        private final int maxDepth;
        private int depth;

        DepthLimitedParser(Parser delegate, int maxDepth) {
            this.delegate = delegate;
            this.maxDepth = maxDepth;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return delegate.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public Event next() {
            Event event = delegate.next();
            switch (event.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (++depth > maxDepth) {
                        throw new TooDeep(event.getStartMark());
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                default -> {
                }
            }
            return event;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }
    }
}
