package dev.linkgate.core.config;

import java.util.List;
import java.util.Map;

/** A YAML value with where it was written, so every config error can name its line and column. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    Position position();

    /** 1-based line and column. */
    record Position(int line, int column) {
        static final Position START = new Position(1, 1);
    }

    /** A key as written, with its value. */
    record Entry(String key, Position keyPosition, YamlNode value) {
    }

    /** Entries in document order. */
    record Mapping(Position position, Map<String, Entry> entries) implements YamlNode {
    }

    record Sequence(Position position, List<YamlNode> items) implements YamlNode {
    }

    /** A scalar's text as written; null for YAML null ({@code ~}, {@code null}, or nothing). */
    record Scalar(Position position, String text) implements YamlNode {
    }

    static String describe(YamlNode node) {
        if (node instanceof Mapping) {
            return "a mapping";
        }
        if (node instanceof Sequence) {
            return "a list";
        }
        return "a single value";
    }
}
