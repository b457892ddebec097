package dev.linkgate.gateway.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An HTML page with {@code {{placeholder}}} slots, parsed once at start. Text slots are HTML-escaped when
 * filled; markup slots hold HTML that linkgate builds itself (escaping every value inside). The slots are
 * filled at start, into one {@link PreparedPage} per language and kind. The form slot, with the continue form
 * and its script, must appear exactly once, so an operator's template can restyle the page but cannot break
 * the gate. Unknown slots are an error at start, not a blank on a signer's screen.
 * HTML comments are dropped at parse, so a template can document itself without sending that to every signer.
 */
final class PageTemplate {
    /** Filled with a value, HTML-escaped. */
    static final Set<String> TEXT = Set.of("lang", "title", "heading", "message", "button", "footer_text", "brand",
            "color", "button_text_color", "nonce", "logo_src", "first_opened", "status");
    /** Filled with markup linkgate builds. */
    static final Set<String> MARKUP = Set.of("style", "brand_header", "logo", "notice", "form", "footer");
    static final String FORM = "form";

    private final List<String> literals;
    private final List<String> slots;

    private PageTemplate(List<String> literals, List<String> slots) {
        this.literals = literals;
        this.slots = slots;
    }

    /** @param name names the template in error messages */
    static PageTemplate parse(String source, String name) {
        String html = withoutComments(source, name);
        List<String> literals = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        int at = 0;
        int forms = 0;
        while (true) {
            int open = html.indexOf("{{", at);
            if (open < 0) {
                literals.add(html.substring(at));
                break;
            }
            int close = html.indexOf("}}", open + 2);
            if (close < 0) {
                throw error(name, html, open, "'{{' without a closing '}}'");
            }
            String slot = html.substring(open + 2, close).trim();
            if (!TEXT.contains(slot) && !MARKUP.contains(slot)) {
                throw error(name, html, open, "unknown placeholder {{" + slot + "}}; known: text " + sorted(TEXT)
                        + ", markup " + sorted(MARKUP));
            }
            if (slot.equals(FORM)) {
                forms++;
            }
            literals.add(html.substring(at, open));
            slots.add(slot);
            at = close + 2;
        }
        if (forms != 1) {
            throw new IllegalArgumentException("interstitial template " + name + " must contain {{form}} exactly once"
                    + " (it holds the Continue form and its script), found " + forms);
        }
        return new PageTemplate(List.copyOf(literals), List.copyOf(slots));
    }

    /** The template without its comments; newlines inside a comment stay, so error line numbers stay true. */
    private static String withoutComments(String html, String name) {
        StringBuilder out = new StringBuilder(html.length());
        int at = 0;
        while (true) {
            int open = html.indexOf("<!--", at);
            if (open < 0) {
                return out.append(html, at, html.length()).toString();
            }
            int close = html.indexOf("-->", open + 4);
            if (close < 0) {
                throw error(name, html, open, "'<!--' without a closing '-->'");
            }
            out.append(html, at, open);
            html.substring(open, close).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            at = close + 3;
        }
    }

    /**
     * The page with every slot filled by {@code fill}, once at start: it writes each slot's value into the page,
     * escaping text (a slot it leaves alone renders empty). The literals go in as they are.
     */
    PreparedPage prepare(BiConsumer<String, PreparedPage.Builder> fill) {
        PreparedPage.Builder page = new PreparedPage.Builder();
        for (int i = 0; i < slots.size(); i++) {
            page.html(literals.get(i));
            fill.accept(slots.get(i), page);
        }
        return page.html(literals.get(slots.size())).build();
    }

    private static IllegalArgumentException error(String source, String html, int offset, String message) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (html.charAt(i) == '\n') {
                line++;
            }
        }
        return new IllegalArgumentException("interstitial template " + source + " line " + line + ": " + message);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
