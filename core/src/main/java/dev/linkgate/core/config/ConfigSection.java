package dev.linkgate.core.config;

import dev.linkgate.core.config.YamlNode.Entry;
import dev.linkgate.core.config.YamlNode.Mapping;
import dev.linkgate.core.config.YamlNode.Position;
import dev.linkgate.core.config.YamlNode.Scalar;
import dev.linkgate.core.config.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One mapping of the config file (such as {@code policy:}) being read into a record. It knows its key path
 * and position, so every problem becomes a {@link ConfigException} naming both. Unknown keys are rejected
 * when the section is opened, before any value is read: a misspelt key is reported as such, not as the
 * missing key it was meant to be. A null or empty value (also after ${ENV} substitution) counts as absent.
 */
final class ConfigSection {

    /** Turns a scalar's text into a value; an IllegalArgumentException's message is shown to the operator. */
    @FunctionalInterface
    interface ValueParser<T> {
        T parse(String text);
    }

    private final String source;
    private final Function<String, String> env;
    private final String path;
    private final Position position;
    private final Map<String, Entry> entries;
    private final List<String> known;

    private ConfigSection(String source, Function<String, String> env, String path, Position position,
                          Map<String, Entry> entries, List<String> known) {
        this.source = source;
        this.env = env;
        this.path = path;
        this.position = position;
        this.entries = entries;
        this.known = known;
        for (Entry entry : entries.values()) {
            if (!known.contains(entry.key())) {
                throw unknownKey(entry);
            }
        }
    }

    static ConfigSection root(YamlNode document, String source, Function<String, String> env, String... known) {
        return open(document, source, env, "", document.position(), known);
    }

    /** The mapping under key; empty (every value defaulted) when the key is absent. */
    ConfigSection section(String key, String... knownKeys) {
        Entry entry = entries.get(key);
        YamlNode value = entry == null ? null : entry.value();
        Position at = entry == null ? position : entry.keyPosition();
        return open(value, source, env, child(key), at, knownKeys);
    }

    /** The list of mappings under key; empty when absent. */
    List<ConfigSection> sections(String key, String... knownKeys) {
        List<ConfigSection> out = new ArrayList<>();
        List<YamlNode> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            out.add(open(item, source, env, child(key) + "[" + i + "]", item.position(), knownKeys));
        }
        return out;
    }

    <T> T get(String key, T defaultValue, ValueParser<T> parser) {
        String text = text(key, false);
        return text == null ? defaultValue : parse(child(key), valueNode(key).position(), text, parser);
    }

    <T> T require(String key, ValueParser<T> parser) {
        T value = get(key, null, parser);
        if (value == null) {
            throw missing(key);
        }
        return value;
    }

    /** Fails unless key is written with a non-null value of any kind. */
    void requirePresent(String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
            throw missing(key);
        }
    }

    /** A list of scalars; empty items are skipped, so "${EXTRA:-}" can stand for nothing. */
    <T> List<T> list(String key, List<T> defaultValue, ValueParser<T> parser) {
        Entry entry = entries.get(key);
        if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
            return defaultValue;
        }
        List<T> out = new ArrayList<>();
        List<YamlNode> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = child(key) + "[" + i + "]";
            String text = substitute(itemPath, items.get(i), false);
            if (text != null) {
                out.add(parse(itemPath, items.get(i).position(), text, parser));
            }
        }
        return out;
    }

    /** The text of key where an unset ${VAR} reads as empty rather than failing (the secret's rule). */
    String textAllowingUnset(String key) {
        return text(key, true);
    }

    /** Runs a record constructor, reporting its {@link InvalidConfigValue} at the key it names. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidConfigValue e) {
            throw error(e.key(), e.detail());
        }
    }

    /** A problem with key's value, at the value if written, else at this section. */
    ConfigException error(String key, String detail) {
        Entry entry = entries.get(key);
        Position at = entry == null ? position
                : entry.value() instanceof Scalar ? entry.value().position() : entry.keyPosition();
        return new ConfigException(source, child(key), at, detail);
    }

    ConfigException missing(String key) {
        return new ConfigException(source, child(key), position, "missing required key");
    }

    private static ConfigSection open(YamlNode node, String source, Function<String, String> env, String path,
                                      Position position, String... knownKeys) {
        Map<String, Entry> entries = Map.of();
        if (node instanceof Mapping mapping) {
            entries = mapping.entries();
        } else if (node != null && !(node instanceof Scalar s && s.text() == null)) {
            throw new ConfigException(source, path, node.position(), "expected a mapping of "
                    + String.join(", ", knownKeys) + "; got " + YamlNode.describe(node));
        }
        return new ConfigSection(source, env, path, position, entries, List.of(knownKeys));
    }

    private List<YamlNode> items(String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.value() instanceof Scalar s && s.text() == null) {
            return List.of();
        }
        if (!(entry.value() instanceof Sequence sequence)) {
            throw new ConfigException(source, child(key), entry.value().position(), "expected a list, got "
                    + YamlNode.describe(entry.value()));
        }
        return sequence.items();
    }

    private YamlNode valueNode(String key) {
        return entries.get(key).value();
    }

    private String text(String key, boolean unsetIsEmpty) {
        Entry entry = entries.get(key);
        return entry == null ? null : substitute(child(key), entry.value(), unsetIsEmpty);
    }

    private String substitute(String keyPath, YamlNode node, boolean unsetIsEmpty) {
        if (!(node instanceof Scalar scalar)) {
            throw new ConfigException(source, keyPath, node.position(), "expected a single value, got "
                    + YamlNode.describe(node));
        }
        if (scalar.text() == null) {
            return null;
        }
        try {
            String text = EnvSubstitution.apply(scalar.text(), env, unsetIsEmpty);
            return text.isEmpty() ? null : text;
        } catch (EnvSubstitution.UnsetVariable unset) {
            throw new ConfigException(source, keyPath, node.position(), "environment variable " + unset.name
                    + " is not set (write ${" + unset.name + ":-default} to give a default)");
        } catch (IllegalArgumentException malformed) {
            throw new ConfigException(source, keyPath, node.position(), malformed.getMessage());
        }
    }

    private <T> T parse(String keyPath, Position at, String text, ValueParser<T> parser) {
        try {
            return parser.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, keyPath, at, e.getMessage());
        }
    }

    private ConfigException unknownKey(Entry entry) {
        String suggestion = ClosestKey.to(entry.key(), known);
        String detail = suggestion != null ? "unknown key; did you mean \"" + suggestion + "\"?"
                : "unknown key; known keys here are " + String.join(", ", known);
        return new ConfigException(source, child(entry.key()), entry.keyPosition(), detail);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
