package dev.linkgate.core.config;

import java.nio.file.Path;

/**
 * interstitial: branding of the Continue page.
 *
 * @param name     product name shown on the page
 * @param color    accent colour, #rgb or #rrggbb
 * @param logo     an image file embedded in the page (data: URI; the page loads nothing external), or null
 * @param template an HTML template replacing the built-in page, or null
 */
public record InterstitialConfig(String name, String color, Path logo, Path template) {
}
