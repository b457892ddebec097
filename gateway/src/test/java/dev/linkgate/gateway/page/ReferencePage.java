package dev.linkgate.gateway.page;

import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.gateway.page.InterstitialPage.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page as linkgate rendered it before it was prepared as bytes: a String per request from maps of slot
 * values, then UTF-8. Kept, self-contained, as the reference the prepared page must match byte for byte.
 * Only the words (PageText), the language choice, the colour and the logo come from the main classes.
 */
final class ReferencePage {
    private static final Set<String> MARKUP = Set.of("style", "brand_header", "logo", "notice", "form", "footer");

    private final List<String> literals = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();
    private final String brand;
    private final BrandColor color;
    private final String logoUri;
    private final String styleBody;
    private final String script;

    ReferencePage(InterstitialConfig config) throws IOException {
        String html = withoutComments(config.template() == null
                ? resource("interstitial.html") : Files.readString(config.template(), StandardCharsets.UTF_8));
        int at = 0;
        while (true) {
            int open = html.indexOf("{{", at);
            if (open < 0) {
                literals.add(html.substring(at));
                break;
            }
            int close = html.indexOf("}}", open + 2);
            literals.add(html.substring(at, open));
            slots.add(html.substring(open + 2, close).trim());
            at = close + 2;
        }
        this.brand = config.name() == null ? "" : config.name().trim();
        this.color = BrandColor.of(config.color());
        this.logoUri = Logo.dataUri(config.logo());
        this.styleBody = ":root{--linkgate-brand:" + escape(color.hex()) + ";--linkgate-brand-text:"
                + escape(color.textHex()) + ";--linkgate-brand-border:" + escape(color.borderHex())
                + "}\n" + resource("interstitial.css") + "</style>";
        this.script = resource("continue.js");
    }

    byte[] continuePage(Interstitial interstitial, String acceptLanguage, String nonce) {
        PageLanguage language = PageLanguage.fromAcceptLanguage(acceptLanguage);
        Map<String, String> text = commonText(language, nonce, 200, "continue");
        text.put("button", PageText.get(language, "continue.button"));
        text.put("footer_text", PageText.get(language, "continue.why"));
        Map<String, String> markup = commonMarkup(nonce);
        markup.put("form", form(interstitial, language, nonce));
        markup.put("footer", "<p class=\"linkgate-why\">" + escape(text.get("footer_text")) + "</p>");
        if (interstitial.reclick()) {
            text.put("first_opened", iso(interstitial.firstOpenedAt()));
            markup.put("notice", notice(language, interstitial.firstOpenedAt()));
        }
        return render(text, markup);
    }

    byte[] problemPage(Problem problem, String acceptLanguage, String nonce) {
        String texts = switch (problem) {
            case TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REPLAYED, GESTURE_REQUIRED -> "confirm";
            case UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT -> "upstream";
            case BAD_REQUEST -> "bad";
        };
        PageLanguage language = PageLanguage.fromAcceptLanguage(acceptLanguage);
        return render(commonText(language, nonce, problem.status(), "problem." + texts), commonMarkup(nonce));
    }

    private Map<String, String> commonText(PageLanguage language, String nonce, int status, String texts) {
        Map<String, String> text = new HashMap<>();
        String heading = PageText.get(language, texts + ".heading");
        text.put("lang", language.code());
        text.put("heading", heading);
        text.put("title", brand.isEmpty() ? heading : heading + " – " + brand);
        text.put("message", PageText.get(language, texts + ".message"));
        text.put("brand", brand);
        text.put("color", color.hex());
        text.put("button_text_color", color.textHex());
        text.put("nonce", nonce);
        text.put("logo_src", logoUri);
        text.put("status", Integer.toString(status));
        return text;
    }

    private Map<String, String> commonMarkup(String nonce) {
        Map<String, String> markup = new HashMap<>();
        markup.put("style", "<style nonce=\"" + escape(nonce) + "\">" + styleBody);
        String src = logoUri == null ? null : escape(logoUri);
        markup.put("logo", src == null ? "" : "<img src=\"" + src + "\" alt=\"" + escape(brand) + "\">");
        if (!brand.isEmpty() || src != null) {
            markup.put("brand_header", "<div class=\"linkgate-brand\">"
                    + (src == null ? "" : "<img src=\"" + src + "\" alt=\"\">")
                    + (brand.isEmpty() ? "" : "<span>" + escape(brand) + "</span>") + "</div>");
        }
        return markup;
    }

    private String form(Interstitial interstitial, PageLanguage language, String nonce) {
        return "<form id=\"linkgate-form\" class=\"linkgate-form\" method=\"post\""
                + " data-proof-field=\"" + escape(ContinueForm.PROOF_FIELD) + "\""
                + " data-proof=\"" + escape(interstitial.proof()) + "\""
                + " data-dwell=\"" + Math.max(0, interstitial.dwellMillis()) + "\""
                + " data-sending=\"" + escape(PageText.get(language, "continue.sending")) + "\">\n"
                + "<input type=\"hidden\" name=\"" + escape(ContinueForm.TOKEN_FIELD) + "\" value=\""
                + escape(interstitial.token()) + "\">\n"
                + "<button type=\"submit\" id=\"linkgate-button\" class=\"linkgate-button\">"
                + escape(PageText.get(language, "continue.button"))
                + " <span aria-hidden=\"true\">→</span></button>\n"
                + "<p id=\"linkgate-status\" class=\"linkgate-status\" role=\"status\" aria-live=\"polite\"></p>\n"
                + "</form>\n"
                + "<script nonce=\"" + escape(nonce) + "\">\n" + script + "</script>";
    }

    private static String notice(PageLanguage language, Instant firstOpened) {
        String sentence = PageText.get(language, "continue.reclick");
        int at = sentence.indexOf("{time}");
        String utc = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(language.locale()).withZone(ZoneOffset.UTC).format(firstOpened) + " UTC";
        String time = "<time class=\"linkgate-first-opened\" datetime=\"" + escape(iso(firstOpened)) + "\">"
                + escape(utc) + "</time>";
        return "<p class=\"linkgate-notice\">" + escape(sentence.substring(0, at)) + time
                + escape(sentence.substring(at + "{time}".length())) + "</p>";
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private byte[] render(Map<String, String> text, Map<String, String> markup) {
        StringBuilder out = new StringBuilder(8192);
        for (int i = 0; i < slots.size(); i++) {
            out.append(literals.get(i));
            String name = slots.get(i);
            if (MARKUP.contains(name)) {
                out.append(markup.getOrDefault(name, ""));
            } else {
                out.append(escape(text.get(name)));
            }
        }
        out.append(literals.get(slots.size()));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String withoutComments(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int at = 0;
        while (true) {
            int open = html.indexOf("<!--", at);
            if (open < 0) {
                return out.append(html, at, html.length()).toString();
            }
            int close = html.indexOf("-->", open + 4);
            out.append(html, at, open);
            html.substring(open, close).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
            at = close + 3;
        }
    }

    private static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = InterstitialPage.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
