package dev.linkgate.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret comes from {@code secret} (its UTF-8 bytes; an unset ${VAR} there means "none") or from
 * {@code secret-file} (the file's bytes without trailing newlines), never both. With neither, a random one
 * is generated. Messages never include the secret.
 */
final class SecretSource {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private SecretSource() {
    }

    static Secret read(ConfigSection root) {
        String text = root.textAllowingUnset("secret");
        Path file = root.get("secret-file", null, ConfigMapping::path);
        if (text != null && file != null) {
            throw root.error("secret-file", "set either secret or secret-file, not both");
        }
        if (text != null) {
            return root.build(() -> new Secret(text.getBytes(StandardCharsets.UTF_8), false));
        }
        if (file == null) {
            return Secret.generate();
        }
        try {
            return new Secret(withoutTrailingNewlines(Files.readAllBytes(file)), false);
        } catch (InvalidConfigValue e) {
            throw root.error("secret-file", e.detail());
        } catch (NoSuchFileException e) {
            throw root.error("secret-file", "file \"" + file + "\" does not exist (relative paths are resolved"
                    + " against the working directory, " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw root.error("secret-file", "cannot read file \"" + file + "\": " + e.getClass().getSimpleName());
        }
    }

    /**
     * The warning for a config without a secret, saying what to do with this file: the shipped config already
     * reads secret: "${LINKGATE_SECRET}", so its fix is to export the variable, not to add the line again.
     */
    static String noSecretWarning(YamlNode document, String sourceName) {
        String written = null;
        if (document instanceof YamlNode.Mapping root && root.entries().get("secret") != null
                && root.entries().get("secret").value() instanceof YamlNode.Scalar scalar) {
            written = scalar.text();
        }
        Matcher variable = VARIABLE.matcher(written == null ? "" : written);
        String fix = variable.find()
                ? "export " + variable.group(1) + " (secret: \"" + written + "\" is empty)"
                : "export LINKGATE_SECRET and add secret: \"${LINKGATE_SECRET}\" to the file";
        return "No secret configured in " + sourceName + ": using a random one. Continue pages will not survive a"
                + " restart or work across replicas. To fix it, " + fix + " with 32 or more random bytes (e.g."
                + " openssl rand -base64 32), or use secret-file: FILE.";
    }

    private static byte[] withoutTrailingNewlines(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--;
        }
        byte[] trimmed = Arrays.copyOf(bytes, end);
        Arrays.fill(bytes, (byte) 0);
        return trimmed;
    }
}
