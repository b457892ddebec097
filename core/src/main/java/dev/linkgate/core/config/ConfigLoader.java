package dev.linkgate.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads linkgate.yaml into a validated {@link LinkgateConfig}. Every problem is a {@link ConfigException}
 * whose message is one line naming the key and its line and column. Relative file paths in the config
 * (detection lists, logo, template, secret-file) are resolved against the working directory, not the
 * config file's directory.
 */
public final class ConfigLoader {
    private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

    private final Function<String, String> env;
    private final Consumer<String> warnings;

    /** Substitutes ${VAR} from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** @param env looks up ${VAR} references; null means unset */
    public ConfigLoader(Function<String, String> env) {
        this(env, log::warn);
    }

    /**
     * @param warnings receives what is worth a warning but not an error (no secret configured); by default it
     *                 is logged, and Main holds it until the configured log format is in place
     */
    public ConfigLoader(Function<String, String> env, Consumer<String> warnings) {
        this.env = Objects.requireNonNull(env, "env");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    public LinkgateConfig load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw ConfigException.ofFile(file.toString(), "config file " + file + " does not exist", e);
        } catch (CharacterCodingException e) {
            throw ConfigException.ofFile(file.toString(), "config file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw ConfigException.ofFile(file.toString(), "cannot read config file " + file + ": " + e, e);
        }
        return parse(yaml, file.toString());
    }

    /** @param sourceName names the YAML's origin in {@link ConfigException#source()} and log lines */
    public LinkgateConfig parse(String yaml, String sourceName) {
        YamlNode document = YamlTree.parse(yaml, sourceName);
        LinkgateConfig config = ConfigMapping.read(
                ConfigSection.root(document, sourceName, env, ConfigMapping.TOP_LEVEL));
        if (config.secret().generated()) {
            warnings.accept(SecretSource.noSecretWarning(document, sourceName));
        }
        return config;
    }
}
