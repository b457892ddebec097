package dev.linkgate.gateway.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * The operator's logo as a {@code data:} URI: the page loads nothing from anywhere, so it works behind any
 * proxy and leaks no Referer or IP to a CDN. Read once at start; a missing or oversized file is a config error.
 */
final class Logo {
    /** A logo is a few KiB; a large one would bloat every interstitial response. */
    static final int MAX_BYTES = 256 * 1024;

    private Logo() {
    }

    /** The data URI of the logo file, or null when none is configured. */
    static String dataUri(Path file) {
        if (file == null) {
            return null;
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException("interstitial.logo " + file + " is larger than "
                        + MAX_BYTES / 1024 + " KiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("interstitial.logo " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("interstitial.logo " + file + " cannot be read: " + e.getMessage(), e);
        }
        return "data:" + mediaType(file, bytes) + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** By content first (the signatures are unambiguous), by extension for SVG. */
    static String mediaType(Path file, byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(b, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".svg")) {
            // An SVG shown through <img> runs no script, and the page's CSP allows no script from data: anyway.
            return "image/svg+xml";
        }
        throw new IllegalArgumentException("interstitial.logo " + file + " is not a PNG, JPEG, GIF, WebP or SVG image");
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
