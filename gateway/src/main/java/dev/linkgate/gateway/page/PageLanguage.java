package dev.linkgate.gateway.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The language of a page, chosen from Accept-Language by q-value among the languages the page is written in.
 * Unknown, malformed or missing headers fall back to English; the parse never throws.
 */
enum PageLanguage {
    EN, DE, FR, ES, IT, NL, PT;

    /** Longer headers are cut: a browser sends a handful of ranges, never this many. */
    private static final int MAX_RANGES = 32;

    static final PageLanguage FALLBACK = EN;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The ISO 639-1 code: the page's {@code lang} and its Content-Language. */
    String code() {
        return code;
    }

    Locale locale() {
        return Locale.forLanguageTag(code());
    }

    static PageLanguage fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return FALLBACK;
        }
        List<Range> ranges = new ArrayList<>();
        String[] parts = header.split(",", MAX_RANGES + 1);
        for (int i = 0; i < Math.min(parts.length, MAX_RANGES); i++) {
            Range r = Range.parse(parts[i]);
            if (r != null && r.q > 0) {
                ranges.add(r);
            }
        }
        // Highest q first; equal q keeps the header's order (the sort is stable).
        ranges.sort((a, b) -> Double.compare(b.q, a.q));
        for (Range r : ranges) {
            if (r.primary.equals("*")) {
                return FALLBACK;
            }
            PageLanguage match = byCode(r.primary);
            if (match != null) {
                return match;
            }
        }
        return FALLBACK;
    }

    private static PageLanguage byCode(String code) {
        for (PageLanguage l : values()) {
            if (l.code().equals(code)) {
                return l;
            }
        }
        return null;
    }

    private record Range(String primary, double q) {
        static Range parse(String part) {
            String[] pieces = part.split(";", -1);
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            if (tag.isEmpty()) {
                return null;
            }
            int dash = tag.indexOf('-');
            String primary = dash < 0 ? tag : tag.substring(0, dash);
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                    q = parseQ(p.substring(2).trim());
                }
            }
            return new Range(primary, q);
        }

        /** RFC 9110 qvalue: 0 to 1 with up to three decimals; anything else makes the range unusable. */
        private static double parseQ(String s) {
            if (s.isEmpty() || s.length() > 5) {
                return -1;
            }
            try {
                double q = Double.parseDouble(s);
                return q >= 0 && q <= 1 ? q : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
