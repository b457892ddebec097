package dev.linkgate.gateway.page;

import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.gateway.page.InterstitialPage.Page;
import dev.linkgate.gateway.page.InterstitialPage.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterstitialPageTest {
    private static final String NONCE = "abcdefghijklmnopqrstuv";
    private static final Instant FIRST_OPENED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-11-27T11:00:00Z");

    private final InterstitialPage plain = InterstitialPage.create(new InterstitialConfig("Acme Sign", "#1f5fbf", null, null));

    private static Interstitial first(String token, String proof) {
        return new Interstitial(token, proof, 1500, null, EXPIRES);
    }

    private static String html(Page page) {
        return new String(page.html(), StandardCharsets.UTF_8);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aBrowserHoldingAnotherLinksSessionIsToldInEveryLanguageAndTheTextIsEscaped() {
        Interstitial other = new Interstitial("t", "p", 1500, null, EXPIRES, true);
        List<String> sentences = new ArrayList<>();
        for (PageLanguage language : PageLanguage.values()) {
            String html = html(plain.continuePage(other, language.code(), NONCE));
            String sentence = PageText.get(language, "continue.other-session");
            assertTrue(html.contains("<p class=\"linkgate-notice linkgate-other-session\">"), language.code());
            assertTrue(html.contains(HtmlText.escape(sentence)), language.code() + ": " + sentence);
            sentences.add(sentence);
        }
        assertEquals(PageLanguage.values().length, sentences.stream().distinct().count(), "each language its own words");
        assertFalse(html(plain.continuePage(first("t", "p"), "en", NONCE)).contains("linkgate-other-session"),
                "no notice without another link's cookie");
    }

    @Test
    void aReclickAndAnotherSessionShowBothNotices() {
        String html = html(plain.continuePage(new Interstitial("t", "p", 1500, FIRST_OPENED, EXPIRES, true), "en", NONCE));
        assertTrue(html.contains("linkgate-first-opened"));
        assertTrue(html.contains("linkgate-other-session"));
        assertTrue(html.indexOf("linkgate-first-opened") < html.indexOf("linkgate-other-session"));
    }

    @Test
    void continuePageIsOkInTheChosenLanguageWithTheTokenInAHiddenField() {
        Page page = plain.continuePage(first("tok_123", "proof_456"), "de-DE,de;q=0.9,en;q=0.8", NONCE);
        String html = html(page);
        assertEquals(200, page.status());
        assertEquals("de", page.contentLanguage());
        assertTrue(html.contains("<html lang=\"de\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"" + ContinueForm.TOKEN_FIELD + "\" value=\"tok_123\">"));
        assertTrue(html.contains("data-proof=\"proof_456\""));
        assertTrue(html.contains("data-proof-field=\"" + ContinueForm.PROOF_FIELD + "\""));
        assertTrue(html.contains("data-dwell=\"1500\""));
        assertTrue(html.contains("Weiter"));
        assertTrue(html.contains("Zum Schutz Ihres Dokuments"));
    }

    @Test
    void everyDynamicValueIsEscapedInTextAndAttributes() {
        InterstitialPage evil = InterstitialPage.create(
                new InterstitialConfig("<script>alert('brand')</script>\"", "#123", null, null));
        String html = html(evil.continuePage(first("\"><script>alert(1)</script>", "'\"><img src=x onerror=alert(2)>"),
                "en", NONCE));
        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img src=x"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;brand&#39;)&lt;/script&gt;&quot;"));
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertTrue(html.contains("data-proof=\"&#39;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;\""));
        assertEquals(1, count(html, "<script"), "only the page's own script");
    }

    @Test
    void theNonceIsOnEveryScriptAndStyleTagAndInTheCsp() {
        String html = html(plain.continuePage(first("t", "p"), "en", NONCE));
        Matcher tags = Pattern.compile("<(script|style)([^>]*)>").matcher(html);
        int found = 0;
        while (tags.find()) {
            found++;
            assertEquals(" nonce=\"" + NONCE + "\"", tags.group(2), tags.group());
        }
        assertEquals(2, found);
        assertFalse(html.contains(" style=\""), "inline style attributes are blocked by the CSP");
        assertFalse(html.contains(" onclick="), "inline handlers are blocked by the CSP");
        Map<String, String> headers = headers(NONCE);
        assertEquals("default-src 'none'; script-src 'nonce-" + NONCE + "'; style-src 'nonce-" + NONCE
                + "'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
                headers.get("Content-Security-Policy"));
        assertEquals("no-store", headers.get("Cache-Control"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        assertEquals("noindex", headers.get("X-Robots-Tag"));
    }

    @Test
    void aNonceThatCouldBreakTheHeaderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InterstitialPage.securityHeaders("abc'; script-src *"));
        assertThrows(IllegalArgumentException.class, () -> plain.continuePage(first("t", "p"), "en", "\"><x"));
        String nonce = InterstitialPage.newNonce();
        assertEquals(nonce, headers(nonce).get("Content-Security-Policy").replaceAll(".*'nonce-([^']+)'.*", "$1"));
    }

    @Test
    void thePageLoadsNothingFromOutside(@TempDir Path dir) throws IOException {
        Path logo = dir.resolve("logo.png");
        Files.write(logo, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        InterstitialPage branded = InterstitialPage.create(new InterstitialConfig("Acme", "#000", logo, null));
        String html = html(branded.continuePage(first("t", "p"), "en", NONCE));
        assertTrue(html.contains("src=\"data:image/png;base64,iVBORw0KGgoAAA==\""));
        assertFalse(Pattern.compile("(src|href|action)\\s*=\\s*\"?(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("url("));
        assertFalse(html.contains("@import"));
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        while (src.find()) {
            assertTrue(src.group(1).startsWith("data:"), src.group());
        }
    }

    @Test
    void thePageHasOneHeadingOneSubmitButtonAMainLandmarkAndALanguage() {
        for (String lang : List.of("en", "de", "fr", "es", "it", "nl", "pt")) {
            String html = html(plain.continuePage(first("t", "p"), lang, NONCE));
            assertEquals(1, count(html, "<h1[ >]"), lang);
            assertEquals(1, count(html, "<button"), lang);
            assertEquals(1, count(html, "<button type=\"submit\""), lang);
            assertEquals(1, count(html, "<main[ >]"), lang);
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"" + lang + "\">"), lang);
            assertTrue(html.contains("<form id=\"linkgate-form\" class=\"linkgate-form\" method=\"post\""), lang);
            assertTrue(html.contains("name=\"viewport\""), lang);
        }
    }

    @Test
    void theScriptNeverSubmitsByItself() {
        String html = html(plain.continuePage(first("t", "p"), "en", NONCE));
        String script = html.substring(html.indexOf("<script"), html.indexOf("</script>"));
        assertFalse(script.contains(".submit("));
        assertFalse(script.contains("requestSubmit"));
        assertFalse(script.contains(".click("));
        assertFalse(script.contains("setTimeout"));
        assertFalse(script.contains("setInterval"));
        assertTrue(script.contains("isTrusted"));
        assertTrue(script.contains("button.disabled = true"));
    }

    @Test
    void acceptLanguageQValuesChooseTheLanguage() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"),
                Map.entry("en;q=0.5, it;q=0.9", "it"),
                Map.entry("ja, nl;q=0.3", "nl"),
                Map.entry("pt-BR", "pt"),
                Map.entry("ES", "es"),
                Map.entry("de;q=0, fr;q=0.1", "fr"),
                Map.entry("de;q=0", "en"),
                Map.entry("ja, zh;q=0.9", "en"),
                Map.entry("de;q=nonsense, it;q=0.2", "it"),
                Map.entry("de;q=1.5, nl;q=0.2", "nl"),
                Map.entry("*, de;q=0.9", "en"),
                Map.entry(";;,,,q=", "en"),
                Map.entry("", "en"));
        cases.forEach((header, expected) -> assertEquals(expected, PageLanguage.fromAcceptLanguage(header).code(), header));
        assertEquals("en", PageLanguage.fromAcceptLanguage(null).code());
        assertEquals("en", plain.continuePage(first("t", "p"), null, NONCE).contentLanguage());
    }

    @Test
    void aReclickSaysWhenTheLinkWasFirstOpenedAndThatTheOtherSessionEnds() {
        Interstitial reclick = new Interstitial("t", "p", 1500, FIRST_OPENED, EXPIRES);
        String en = html(plain.continuePage(reclick, "en-US", NONCE));
        assertTrue(en.contains("This link was first opened on <time class=\"linkgate-first-opened\" "
                + "datetime=\"2026-11-27T10:00:00Z\">November 27, 2026"), en);
        assertTrue(en.contains("UTC</time>. If you continue here, the other session will end."));
        String de = html(plain.continuePage(reclick, "de", NONCE));
        assertTrue(de.contains("Dieser Link wurde zuerst am <time"));
        assertTrue(de.contains(">27. November 2026"));
        assertTrue(de.contains("wird die andere Sitzung beendet"));
        assertFalse(html(plain.continuePage(first("t", "p"), "en", NONCE)).contains("<time"));
    }

    @Test
    void problemPagesHaveTheirStatusAndPlainWordsInEveryLanguage() {
        Map<Problem, Integer> statuses = Map.of(Problem.TOKEN_INVALID, 403, Problem.TOKEN_EXPIRED, 403,
                Problem.TOKEN_REPLAYED, 403, Problem.GESTURE_REQUIRED, 403, Problem.UPSTREAM_UNAVAILABLE, 502,
                Problem.UPSTREAM_TIMEOUT, 504, Problem.BAD_REQUEST, 400);
        assertEquals(Problem.values().length, statuses.size());
        statuses.forEach((problem, status) -> {
            for (String lang : List.of("en", "de", "fr", "es", "it", "nl", "pt")) {
                Page page = plain.problemPage(problem, lang, NONCE);
                String html = html(page);
                assertEquals(status, page.status());
                assertEquals(lang, page.contentLanguage());
                assertEquals(1, count(html, "<h1[ >]"));
                assertFalse(html.contains("<form"), "a problem page offers no continue");
                assertFalse(html.contains("<script"));
            }
        });
        String replayed = html(plain.problemPage(Problem.TOKEN_REPLAYED, "en", NONCE));
        assertTrue(replayed.contains("<h1>This link could not be confirmed</h1>\n"
                + "<p class=\"linkgate-message\">Please open the link from your email again.</p>"), replayed);
        String timeout = html(plain.problemPage(Problem.UPSTREAM_TIMEOUT, "en", NONCE));
        assertTrue(timeout.contains("<h1>The service did not answer</h1>\n"
                + "<p class=\"linkgate-message\">Your link is still valid — please click it again.</p>"), timeout);
    }

    @Test
    void aTemplateFillsItsPlaceholdersEscapedAndKeepsTheGateInPlace(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("page.html");
        Files.writeString(template, "<!doctype html><!-- {{documented}} --><html lang=\"{{lang}}\"><head><title>{{title}}</title>"
                + "<style nonce=\"{{nonce}}\">button{background:{{color}};color:{{button_text_color}}}</style></head>"
                + "<body><main><h1>{{ heading }}</h1><p>{{message}}</p><p>{{brand}}</p>{{notice}}{{form}}"
                + "<small>{{footer_text}} {{status}}</small></main></body></html>");
        InterstitialPage custom = InterstitialPage.create(new InterstitialConfig("A&B <Sign>", "#fff", null, template));
        String html = html(custom.continuePage(first("tok\"en", "p"), "fr", NONCE));
        assertTrue(html.startsWith("<!doctype html><html lang=\"fr\"><head><title>Ouvrir votre document – A&amp;B &lt;Sign&gt;</title>"));
        assertTrue(html.contains("<style nonce=\"" + NONCE + "\">button{background:#ffffff;color:#000000}</style>"));
        assertTrue(html.contains("<p>A&amp;B &lt;Sign&gt;</p>"));
        assertTrue(html.contains("value=\"tok&quot;en\""));
        assertTrue(html.contains("<script nonce=\"" + NONCE + "\">"));
        assertTrue(html.contains(" 200</small>"));
    }

    @Test
    void aBrokenTemplateFailsAtStartWithTheReason(@TempDir Path dir) throws IOException {
        Path unknown = dir.resolve("unknown.html");
        Files.writeString(unknown, "<html>\n<body>\n{{form}} {{tokne}}</body></html>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InterstitialPage.create(new InterstitialConfig("A", "#000", null, unknown)));
        assertTrue(e.getMessage().contains("line 3: unknown placeholder {{tokne}}"), e.getMessage());

        Path noForm = dir.resolve("no-form.html");
        Files.writeString(noForm, "<html><body>{{heading}}</body></html>");
        e = assertThrows(IllegalArgumentException.class,
                () -> InterstitialPage.create(new InterstitialConfig("A", "#000", null, noForm)));
        assertTrue(e.getMessage().contains("must contain {{form}} exactly once"), e.getMessage());

        Path unclosed = dir.resolve("unclosed.html");
        Files.writeString(unclosed, "{{form}} {{lang");
        assertThrows(IllegalArgumentException.class,
                () -> InterstitialPage.create(new InterstitialConfig("A", "#000", null, unclosed)));

        assertThrows(RuntimeException.class, () -> InterstitialPage.create(
                new InterstitialConfig("A", "#000", null, dir.resolve("missing.html"))));
    }

    @Test
    void theShippedExampleTemplateLoads() {
        Path example = Path.of(System.getProperty("linkgate.project.dir", ".."), "config", "interstitial-template.html");
        InterstitialPage page = InterstitialPage.create(new InterstitialConfig("Acme", "#0a7", null, example));
        String html = html(page.continuePage(first("t", "p"), "nl", NONCE));
        assertTrue(html.contains("<html lang=\"nl\">"));
        assertTrue(html.contains("Doorgaan"));
    }

    @Test
    void aBadColourOrLogoFailsAtStart(@TempDir Path dir) throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> InterstitialPage.create(new InterstitialConfig("A", "red", null, null)));
        Path text = dir.resolve("logo.txt");
        Files.writeString(text, "not an image");
        assertThrows(IllegalArgumentException.class,
                () -> InterstitialPage.create(new InterstitialConfig("A", "#000", text, null)));
        RuntimeException missing = assertThrows(RuntimeException.class,
                () -> InterstitialPage.create(new InterstitialConfig("A", "#000", dir.resolve("nope.png"), null)));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    private static Map<String, String> headers(String nonce) {
        List<Map.Entry<String, String>> list = new ArrayList<>(InterstitialPage.securityHeaders(nonce));
        Map<String, String> map = new java.util.HashMap<>();
        list.forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
