package dev.linkgate.gateway.page;

import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.policy.Interstitial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one page a signer sees from linkgate: "confirm you want to open your document", and the problem pages
 * in the same look. Self-contained (inline style and script under a per-response CSP nonce, logo as a data:
 * URI), localized from Accept-Language, branded from config, and replaceable by an operator's template.
 * Built once at start; rendering is thread-safe.
 */
public final class InterstitialPage {
    /** Content-Type of every page; {@link #securityHeaders} does not include it. */
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private final PageTemplate template;
    private final String brand;
    private final BrandColor color;
    private final String logoUri;
    /** The stylesheet with the brand's colours, after the nonce'd opening tag. */
    private final String styleBody;
    private final String script;

    private InterstitialPage(PageTemplate template, String brand, BrandColor color, String logoUri) {
        this.template = template;
        this.brand = brand == null ? "" : brand.trim();
        this.color = color;
        this.logoUri = logoUri;
        // The colours are validated hex values; escaping keeps that true whatever changes upstream.
        this.styleBody = ":root{--linkgate-brand:" + HtmlText.escape(color.hex()) + ";--linkgate-brand-text:"
                + HtmlText.escape(color.textHex()) + ";--linkgate-brand-border:" + HtmlText.escape(color.borderHex())
                + "}\n" + resource("interstitial.css") + "</style>";
        this.script = resource("continue.js");
        if (script.contains("</")) {
            throw new IllegalStateException("continue.js must not contain '</'");
        }
    }

    /** Reads the logo and template files named in config; a bad file fails here with a clear message. */
    public static InterstitialPage create(InterstitialConfig config) {
        PageTemplate template = config.template() == null
                ? PageTemplate.parse(resource("interstitial.html"), "(built-in)")
                : PageTemplate.parse(read(config.template()), config.template().toString());
        return new InterstitialPage(template, config.name(), BrandColor.of(config.color()), Logo.dataUri(config.logo()));
    }

    /** The Continue page (200). */
    public Page continuePage(Interstitial interstitial, String acceptLanguage, String cspNonce) {
        PageLanguage language = PageLanguage.fromAcceptLanguage(acceptLanguage);
        String nonce = CspNonce.check(cspNonce);
        Map<String, String> text = commonText(language, nonce, 200, "continue");
        text.put("button", PageText.get(language, "continue.button"));
        text.put("footer_text", PageText.get(language, "continue.why"));
        Map<String, String> markup = commonMarkup(nonce);
        markup.put("form", ContinueFormMarkup.markup(interstitial, language, nonce, script));
        markup.put("footer", "<p class=\"linkgate-why\">" + HtmlText.escape(text.get("footer_text")) + "</p>");
        if (interstitial.reclick()) {
            text.put("first_opened", ReclickNotice.iso(interstitial.firstOpenedAt()));
            markup.put("notice", ReclickNotice.markup(language, interstitial.firstOpenedAt()));
        }
        return page(200, language, text, markup);
    }

    /** A problem page in the same look, with the problem's status. */
    public Page problemPage(Problem problem, String acceptLanguage, String cspNonce) {
        PageLanguage language = PageLanguage.fromAcceptLanguage(acceptLanguage);
        String nonce = CspNonce.check(cspNonce);
        Map<String, String> text = commonText(language, nonce, problem.status(), "problem." + problem.texts);
        return page(problem.status(), language, text, commonMarkup(nonce));
    }

    /**
     * Headers every page needs: its CSP for this nonce, no caching, no Referer, no indexing, no framing,
     * no sniffing. Content-Type is {@link #CONTENT_TYPE}.
     */
    public static List<Map.Entry<String, String>> securityHeaders(String cspNonce) {
        String nonce = CspNonce.check(cspNonce);
        return List.of(
                Map.entry("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
                        + nonce + "'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
                Map.entry("Cache-Control", "no-store"),
                Map.entry("Referrer-Policy", "no-referrer"),
                Map.entry("X-Robots-Tag", "noindex"),
                Map.entry("X-Content-Type-Options", "nosniff"),
                Map.entry("X-Frame-Options", "DENY"));
    }

    /** A fresh CSP nonce for one response. */
    public static String newNonce() {
        return CspNonce.next();
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
        markup.put("style", "<style nonce=\"" + HtmlText.escape(nonce) + "\">" + styleBody);
        String src = logoUri == null ? null : HtmlText.escape(logoUri);
        markup.put("logo", src == null ? "" : "<img src=\"" + src + "\" alt=\"" + HtmlText.escape(brand) + "\">");
        if (!brand.isEmpty() || src != null) {
            // The name is written beside the logo, so the logo is decorative: alt="" avoids reading it twice.
            markup.put("brand_header", "<div class=\"linkgate-brand\">"
                    + (src == null ? "" : "<img src=\"" + src + "\" alt=\"\">")
                    + (brand.isEmpty() ? "" : "<span>" + HtmlText.escape(brand) + "</span>") + "</div>");
        }
        return markup;
    }

    private Page page(int status, PageLanguage language, Map<String, String> text, Map<String, String> markup) {
        byte[] html = template.render(text, markup).getBytes(StandardCharsets.UTF_8);
        return new Page(status, html, language.code());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("interstitial.template " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("interstitial.template " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = InterstitialPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What went wrong, with the status its page is served with. */
    public enum Problem {
        TOKEN_INVALID(403, "confirm"),
        TOKEN_EXPIRED(403, "confirm"),
        TOKEN_REPLAYED(403, "confirm"),
        GESTURE_REQUIRED(403, "confirm"),
        UPSTREAM_UNAVAILABLE(502, "upstream"),
        UPSTREAM_TIMEOUT(504, "upstream"),
        BAD_REQUEST(400, "bad");

        private final int status;
        private final String texts;

        Problem(int status, String texts) {
            this.status = status;
            this.texts = texts;
        }

        public int status() {
            return status;
        }
    }

    /** A rendered page: its status, UTF-8 HTML, and the language for Content-Language. */
    public record Page(int status, byte[] html, String contentLanguage) {
    }
}
