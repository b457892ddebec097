package dev.linkgate.gateway.page;

/**
 * Escapes a value for HTML text and for quoted attribute values. Every value the page shows passes through
 * here, whether it came from a request, a token or the operator's config.
 */
final class HtmlText {
    private HtmlText() {
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '`' -> "&#96;";
                default -> null;
            };
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? value : out.toString();
    }
}
