package dev.linkgate.gateway.page;

import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.gateway.page.PreparedPage.Value;
import dev.linkgate.gateway.page.PreparedPage.Values;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one page a signer sees from linkgate: "confirm you want to open your document", and the problem pages
 * in the same look. Self-contained (inline style and script under a per-response CSP nonce, logo as a data:
 * URI), localized from Accept-Language, branded from config, and replaceable by an operator's template.
 * Every page, in every language, is prepared as UTF-8 bytes at start; a response copies them around its own
 * nonce, token and proof. Rendering is thread-safe.
 */
public final class InterstitialPage {
    /** Content-Type of every page; {@link #securityHeaders} does not include it. */
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";
    private static final String CONTINUE = "continue";

    private final PageTemplate template;
    private final String brand;
    private final BrandColor color;
    /** The logo's data: URI escaped and encoded, shared by every page; null without a logo. */
    private final byte[] logoSrc;
    /** The stylesheet with the brand's colours, after the nonce'd opening tag. */
    private final String styleBody;
    private final String script;
    private final Map<PageLanguage, PreparedPage> continuePages = new EnumMap<>(PageLanguage.class);
    private final Map<Problem, Map<PageLanguage, PreparedPage>> problemPages = new EnumMap<>(Problem.class);

    private InterstitialPage(PageTemplate template, String brand, BrandColor color, String logoUri) {
        this.template = template;
        this.brand = brand == null ? "" : brand.trim();
        this.color = color;
        this.logoSrc = logoUri == null ? null : HtmlText.escape(logoUri).getBytes(StandardCharsets.UTF_8);
        // The colours are validated hex values; escaping keeps that true whatever changes upstream.
        this.styleBody = ":root{--linkgate-brand:" + HtmlText.escape(color.hex()) + ";--linkgate-brand-text:"
                + HtmlText.escape(color.textHex()) + ";--linkgate-brand-border:" + HtmlText.escape(color.borderHex())
                + "}\n" + resource("interstitial.css") + "</style>";
        this.script = resource("continue.js");
        if (script.contains("</")) {
            throw new IllegalStateException("continue.js must not contain '</'");
        }
        for (PageLanguage language : PageLanguage.values()) {
            continuePages.put(language, prepare(language, CONTINUE, 200));
        }
        // Problems with the same words and status share their pages.
        Map<String, Map<PageLanguage, PreparedPage>> shared = new HashMap<>();
        for (Problem problem : Problem.values()) {
            problemPages.put(problem, shared.computeIfAbsent(problem.texts + " " + problem.status, k -> {
                Map<PageLanguage, PreparedPage> pages = new EnumMap<>(PageLanguage.class);
                for (PageLanguage language : PageLanguage.values()) {
                    pages.put(language, prepare(language, "problem." + problem.texts, problem.status));
                }
                return pages;
            }));
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
        Instant firstOpened = interstitial.firstOpenedAt();
        Values values = new Values(nonce, interstitial.token(), interstitial.proof(),
                Long.toString(Math.max(0, interstitial.dwellMillis())),
                interstitial.reclick() ? ReclickNotice.iso(firstOpened) : null,
                notice(interstitial, language));
        return new Page(200, continuePages.get(language).render(values), language.code());
    }

    /** The notices above the button: when the link was first opened, and that another session may be open. */
    private static String notice(Interstitial interstitial, PageLanguage language) {
        String reclick = interstitial.reclick() ? ReclickNotice.markup(language, interstitial.firstOpenedAt()) : null;
        if (!interstitial.otherSession()) {
            return reclick;
        }
        String other = "<p class=\"linkgate-notice linkgate-other-session\">"
                + HtmlText.escape(PageText.get(language, "continue.other-session")) + "</p>";
        return reclick == null ? other : reclick + other;
    }

    /** A problem page in the same look, with the problem's status. */
    public Page problemPage(Problem problem, String acceptLanguage, String cspNonce) {
        PageLanguage language = PageLanguage.fromAcceptLanguage(acceptLanguage);
        String nonce = CspNonce.check(cspNonce);
        byte[] html = problemPages.get(problem).get(language).render(Values.nonceOnly(nonce));
        return new Page(problem.status(), html, language.code());
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

    /**
     * The page of one kind ("continue", "problem.confirm", ...) in one language, every slot filled but the
     * per-response values. Problem pages leave the Continue slots (form, button, footer, notice) empty.
     */
    private PreparedPage prepare(PageLanguage language, String texts, int status) {
        boolean gate = texts.equals(CONTINUE);
        String heading = PageText.get(language, texts + ".heading");
        String footerText = gate ? PageText.get(language, "continue.why") : null;
        return template.prepare((slot, out) -> {
            switch (slot) {
                case "lang" -> out.text(language.code());
                case "title" -> out.text(brand.isEmpty() ? heading : heading + " – " + brand);
                case "heading" -> out.text(heading);
                case "message" -> out.text(PageText.get(language, texts + ".message"));
                case "button" -> out.text(gate ? PageText.get(language, "continue.button") : null);
                case "footer_text" -> out.text(footerText);
                case "brand" -> out.text(brand);
                case "color" -> out.text(color.hex());
                case "button_text_color" -> out.text(color.textHex());
                case "nonce" -> out.value(Value.NONCE);
                case "logo_src" -> logoSrc(out);
                case "first_opened" -> valueIf(gate, Value.FIRST_OPENED, out);
                case "status" -> out.text(Integer.toString(status));
                case "style" -> out.html("<style nonce=\"").value(Value.NONCE).html("\">").html(styleBody);
                case "logo" -> logo(out);
                case "brand_header" -> brandHeader(out);
                case "notice" -> valueIf(gate, Value.NOTICE, out);
                case "form" -> {
                    if (gate) {
                        ContinueFormMarkup.markup(language, script, out);
                    }
                }
                case "footer" -> {
                    if (gate) {
                        out.html("<p class=\"linkgate-why\">").text(footerText).html("</p>");
                    }
                }
                default -> throw new IllegalStateException("no value for {{" + slot + "}}");
            }
        });
    }

    private static void valueIf(boolean gate, Value value, PreparedPage.Builder out) {
        if (gate) {
            out.value(value);
        }
    }

    private void logoSrc(PreparedPage.Builder out) {
        if (logoSrc != null) {
            out.shared(logoSrc);
        }
    }

    private void logo(PreparedPage.Builder out) {
        if (logoSrc != null) {
            out.html("<img src=\"").shared(logoSrc).html("\" alt=\"").text(brand).html("\">");
        }
    }

    private void brandHeader(PreparedPage.Builder out) {
        if (brand.isEmpty() && logoSrc == null) {
            return;
        }
        out.html("<div class=\"linkgate-brand\">");
        if (logoSrc != null) {
            // The name is written beside the logo, so the logo is decorative: alt="" avoids reading it twice.
            out.html("<img src=\"").shared(logoSrc).html("\" alt=\"\">");
        }
        if (!brand.isEmpty()) {
            out.html("<span>").text(brand).html("</span>");
        }
        out.html("</div>");
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
