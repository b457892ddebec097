package dev.linkgate.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The secret comes from {@code secret} (its UTF-8 bytes; an unset ${VAR} there means "none") or from
 * {@code secret-file} (the file's bytes without trailing newlines), never both. With neither, a random one
 * is generated. Messages never include the secret.
 */
final class SecretSource {
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
