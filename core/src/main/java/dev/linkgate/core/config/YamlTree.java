package dev.linkgate.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.linkgate.core.config.YamlNode.Entry;
import dev.linkgate.core.config.YamlNode.Mapping;
import dev.linkgate.core.config.YamlNode.Position;
import dev.linkgate.core.config.YamlNode.Scalar;
import dev.linkgate.core.config.YamlNode.Sequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into {@link YamlNode}s. Jackson's tree model drops token positions, so the
 * tree is built from its streaming parser, which keeps them. Duplicate keys, aliases and further documents
 * are errors rather than silently resolved one way or another, and so is a value YAML reads as a comment
 * ({@code color: #1a56db} is an empty value followed by a comment, which would silently become the default).
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** From a key's start: the colon, then a comment glued to its '#' ("# a note" is left alone). */
    private static final Pattern COMMENT_AS_VALUE = Pattern.compile("[^:]*:\\s+(#\\S+)");

    private final YAMLParser parser;
    private final String source;
    private final String[] lines;

    private YamlTree(YAMLParser parser, String source, String yaml) {
        this.parser = parser;
        this.source = source;
        this.lines = yaml.split("\\R", -1);
    }

    /** The document's root, or an empty mapping for an empty document. */
    static YamlNode parse(String yaml, String source) {
        try (YAMLParser parser = FACTORY.createParser(yaml)) {
            YamlTree tree = new YamlTree(parser, source, yaml);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Mapping(Position.START, Map.of());
            }
            YamlNode root = tree.read(first, "");
            if (parser.nextToken() != null) {
                throw new ConfigException(source, null, tree.here(), "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param path the key path of this value, for errors: policy.mode, links[0] */
    private YamlNode read(JsonToken token, String path) throws IOException {
        Position position = here();
        if (parser.isCurrentAlias()) {
            throw new ConfigException(source, path, position, "YAML aliases (*" + parser.getText()
                    + ") are not supported: write the value out");
        }
        return switch (token) {
            case START_OBJECT -> readMapping(position, path);
            case START_ARRAY -> readSequence(position, path);
            case VALUE_NULL -> new Scalar(position, null);
            default -> new Scalar(position, parser.getText());
        };
    }

    private Mapping readMapping(Position position, String path) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Position keyPosition = here();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            Entry first = entries.get(key);
            if (first != null) {
                throw new ConfigException(source, keyPath, keyPosition, "duplicate key (first at line "
                        + first.keyPosition().line() + ")");
            }
            YamlNode value = read(parser.nextToken(), keyPath);
            if (value instanceof Scalar scalar && scalar.text() == null) {
                rejectCommentAsValue(key, keyPath, keyPosition);
            }
            entries.put(key, new Entry(key, keyPosition, value));
        }
        expect(token, JsonToken.END_OBJECT);
        return new Mapping(position, Collections.unmodifiableMap(entries));
    }

    private Sequence readSequence(Position position, String path) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            items.add(read(token, path + "[" + items.size() + "]"));
        }
        expect(token, JsonToken.END_ARRAY);
        return new Sequence(position, List.copyOf(items));
    }

    /** An empty value whose line goes on with "#something": the value was meant to start with #. */
    private void rejectCommentAsValue(String key, String keyPath, Position keyPosition) {
        if (keyPosition.line() < 1 || keyPosition.line() > lines.length) {
            return;
        }
        String line = lines[keyPosition.line() - 1];
        Matcher m = COMMENT_AS_VALUE.matcher(line).region(Math.min(keyPosition.column() - 1, line.length()),
                line.length());
        if (m.lookingAt()) {
            throw new ConfigException(source, keyPath, new Position(keyPosition.line(), m.start(1) + 1), "YAML reads "
                    + m.group(1) + " as a comment, so this key would be empty: quote the value, " + key + ": \""
                    + m.group(1) + "\"");
        }
    }

    private void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new ConfigException(source, null, here(), "unexpected end of YAML");
        }
    }

    private Position here() {
        JsonLocation at = parser.currentTokenLocation();
        return new Position(at.getLineNr(), at.getColumnNr());
    }

    private static ConfigException syntaxError(JsonProcessingException e, String source) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Position at = new Position(yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1);
            return new ConfigException(source, null, at, "invalid YAML: " + oneLine(yaml.getProblem()), e);
        }
        JsonLocation at = e.getLocation();
        Position position = at == null ? Position.START : new Position(at.getLineNr(), at.getColumnNr());
        return new ConfigException(source, null, position, "invalid YAML: " + oneLine(e.getOriginalMessage()), e);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable document";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
