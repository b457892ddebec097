package dev.linkgate.gateway.page;

import java.util.Locale;

/**
 * The operator's accent colour and the colours that keep it readable: the button's text is white or black,
 * whichever contrasts more (one of them always reaches WCAG AA's 4.5:1), and a light accent gets a dark
 * border so the button still stands out from the white card.
 */
record BrandColor(String hex, String textHex, String borderHex) {
    static final String DEFAULT = "#1f5fbf";
    private static final String WHITE = "#ffffff";
    private static final String BLACK = "#000000";
    private static final String INK = "#1a1f36";

    /** Parses {@code #rgb} or {@code #rrggbb}; null means the default colour. */
    static BrandColor of(String configured) {
        String hex = normalise(configured == null || configured.isBlank() ? DEFAULT : configured.trim());
        double l = luminance(hex);
        String text = contrast(l, 1.0) >= contrast(l, 0.0) ? WHITE : BLACK;
        String border = contrast(l, 1.0) >= 3.0 ? hex : INK;
        return new BrandColor(hex, text, border);
    }

    /** WCAG contrast ratio between two colours, 1 to 21. */
    static double contrast(String hexA, String hexB) {
        return contrast(luminance(normalise(hexA)), luminance(normalise(hexB)));
    }

    private static double contrast(double la, double lb) {
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static String normalise(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        if (!v.matches("#([0-9a-f]{3}|[0-9a-f]{6})")) {
            throw new IllegalArgumentException("interstitial.color must be #rgb or #rrggbb, got '" + s + "'");
        }
        if (v.length() == 4) {
            return "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        return v;
    }

    /** WCAG 2 relative luminance of an sRGB colour. */
    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
