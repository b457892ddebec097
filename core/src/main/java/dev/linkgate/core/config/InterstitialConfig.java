package dev.linkgate.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * interstitial: branding of the Continue page. Relative file paths resolve against the working directory.
 *
 * @param name     product name shown on the page
 * @param color    accent colour, #rgb or #rrggbb
 * @param logo     an image file embedded in the page (data: URI; the page loads nothing external), or null
 * @param template an HTML template replacing the built-in page, or null
 */
public record InterstitialConfig(String name, String color, Path logo, Path template) {
    private static final Pattern COLOR = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6})");

    public InterstitialConfig {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigValue("name", "must not be empty");
        }
        if (color == null || !COLOR.matcher(color).matches()) {
            throw new InvalidConfigValue("color", "must be #rgb or #rrggbb, e.g. \"#1a56db\" (quoted: # starts"
                    + " a YAML comment)");
        }
        requireFile(logo, "logo");
        requireFile(template, "template");
    }

    public static InterstitialConfig defaults() {
        return new InterstitialConfig(ConfigDefaults.INTERSTITIAL_NAME, ConfigDefaults.INTERSTITIAL_COLOR, null, null);
    }

    private static void requireFile(Path file, String key) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new InvalidConfigValue(key, "file \"" + file + "\" does not exist (relative paths are resolved"
                    + " against the working directory, " + Path.of("").toAbsolutePath() + ")");
        }
    }
}
