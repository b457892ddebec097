package dev.linkgate.core.detect;

import java.util.Objects;

/**
 * One line of user-agents.txt: a category and a case-insensitive literal, optionally anchored ({@code ^} first,
 * {@code $} last) or bounded by a word boundary ({@code \b} first or last).
 *
 * @param category      what the match means
 * @param literal       the substring to find, ASCII, lower case
 * @param startAnchored the user agent must start with it
 * @param startBoundary the character before it, if any, is not an ASCII letter or digit
 * @param endAnchored   the user agent must end with it
 * @param endBoundary   the character after it, if any, is not an ASCII letter or digit
 * @param text          the pattern as written, for explain traces
 */
public record UserAgentPattern(UserAgentCategory category, String literal, boolean startAnchored,
                               boolean startBoundary, boolean endAnchored, boolean endBoundary, String text) {

    public UserAgentPattern {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(literal, "literal");
        Objects.requireNonNull(text, "text");
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
    }

    /**
     * Reads {@code CATEGORY PATTERN}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong (the caller adds file and line)
     */
    public static UserAgentPattern parse(String line) {
        String trimmed = line.strip();
        int space = indexOfWhitespace(trimmed);
        if (space < 0) {
            throw new IllegalArgumentException("expected 'CATEGORY PATTERN' but found '" + trimmed + "'");
        }
        String word = trimmed.substring(0, space);
        UserAgentCategory category = UserAgentCategory.fromFileName(word);
        if (category == null) {
            throw new IllegalArgumentException("unknown category '" + word + "' (expected one of "
                    + "tool, crawler, previewer, headless, office, mail_security, browser)");
        }
        String text = trimmed.substring(space).strip();
        String body = text;
        boolean startAnchored = body.startsWith("^");
        boolean startBoundary = !startAnchored && body.startsWith("\\b");
        body = body.substring(startAnchored ? 1 : startBoundary ? 2 : 0);
        boolean endAnchored = body.endsWith("$");
        boolean endBoundary = !endAnchored && body.endsWith("\\b");
        body = body.substring(0, body.length() - (endAnchored ? 1 : endBoundary ? 2 : 0));
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty pattern in '" + trimmed + "'");
        }
        StringBuilder literal = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("pattern '" + text + "' has a character outside printable ASCII");
            }
            literal.append(PatternAutomaton.fold(c));
        }
        return new UserAgentPattern(category, literal.toString(), startAnchored, startBoundary, endAnchored,
                endBoundary, text);
    }

    /** Whether a hit of the literal at [start, end) of the user agent satisfies the anchors and boundaries. */
    boolean fits(String userAgent, int start, int end) {
        if (startAnchored && start != 0) {
            return false;
        }
        if (startBoundary && start > 0 && isWordChar(userAgent.charAt(start - 1))) {
            return false;
        }
        if (endAnchored && end != userAgent.length()) {
            return false;
        }
        return !endBoundary || end == userAgent.length() || !isWordChar(userAgent.charAt(end));
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
