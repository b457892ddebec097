package dev.linkgate.gateway.page;

import dev.linkgate.core.config.InterstitialConfig;
import dev.linkgate.core.policy.Interstitial;
import dev.linkgate.gateway.page.InterstitialPage.Page;
import dev.linkgate.gateway.page.InterstitialPage.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every page, in every language and look, is byte for byte what the String renderer ({@link ReferencePage}) made. */
class InterstitialPageReferenceTest {
    private static final Instant EXPIRES = Instant.parse("2026-11-27T11:00:00Z");
    private static final List<String> ACCEPT_LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt",
            "de-DE,de;q=0.9,en;q=0.8", "ja", "");
    private static final List<Interstitial> INTERSTITIALS = List.of(
            new Interstitial("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIj", "pR00f_-x", 1500, null, EXPIRES),
            new Interstitial("tok_123", "proof_456", 0, Instant.parse("2026-11-27T10:00:00.123456Z"), EXPIRES),
            new Interstitial("t", "p", -5, Instant.parse("1999-01-02T03:04:05Z"), EXPIRES),
            new Interstitial("\"><script>alert(1)</script>&`'", "'\"><img src=x onerror=alert(2)>", 250, null, EXPIRES),
            new Interstitial("tök€n😀&", "pröof<", Long.MAX_VALUE, Instant.parse("2030-06-30T23:59:59Z"), EXPIRES),
            new Interstitial("", "", 1, null, EXPIRES));
    private static final List<String> NONCES = List.of("abcdefghijklmnopqrstuv", "abc+/def_ghi-jklmnop==",
            InterstitialPage.newNonce());

    @TempDir
    static Path dir;
    private static final List<InterstitialConfig> CONFIGS = new ArrayList<>();

    @BeforeAll
    static void configs() throws IOException {
        Path png = dir.resolve("logo.png");
        byte[] image = new byte[6000];
        new Random(7).nextBytes(image);
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, 0, image, 0, 4);
        Files.write(png, image);
        Path svg = dir.resolve("logo.svg");
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Ü&amp;\"'</text></svg>");
        Path everySlot = dir.resolve("every-slot.html");
        Files.writeString(everySlot, "<!doctype html><!-- a comment {{documented}}\nover lines --><html lang=\"{{lang}}\">"
                + "<title>{{title}}</title>{{style}}<style nonce=\"{{ nonce }}\">b{color:{{color}};x:{{button_text_color}}}"
                + "</style><main>{{brand_header}}{{logo}}<img src=\"{{logo_src}}\"><h1>{{heading}}</h1><p>{{message}}"
                + "</p><p>{{brand}} · ünïcode</p>{{notice}}<time>{{first_opened}}</time>{{form}}<b>{{button}}</b>"
                + "<small>{{footer_text}} {{status}}</small>{{footer}}{{nonce}}{{nonce}}{{status}}</main>");
        Path adjacent = dir.resolve("adjacent.html");
        Files.writeString(adjacent, "{{nonce}}{{form}}{{first_opened}}{{notice}}{{nonce}}");
        Path example = Path.of(System.getProperty("linkgate.project.dir", ".."), "config", "interstitial-template.html");
        CONFIGS.add(new InterstitialConfig("Acme Sign", "#1f5fbf", null, null));
        CONFIGS.add(new InterstitialConfig("  <Evil> & 'Co' `x` \"q\"  ", "#FFF", png, null));
        CONFIGS.add(new InterstitialConfig("Ünïcödé Brand – ✓", "#0a7", svg, null));
        CONFIGS.add(new InterstitialConfig("A&B <Sign>", "#fff", null, everySlot));
        CONFIGS.add(new InterstitialConfig("Acme", "#123456", png, everySlot));
        CONFIGS.add(new InterstitialConfig("Acme", "#000", svg, adjacent));
        CONFIGS.add(new InterstitialConfig("Acme", "#0a7", null, example));
    }

    @Test
    void everyContinuePageIsWhatTheStringRendererMade() throws IOException {
        for (InterstitialConfig config : CONFIGS) {
            InterstitialPage page = InterstitialPage.create(config);
            ReferencePage reference = new ReferencePage(config);
            for (String acceptLanguage : ACCEPT_LANGUAGES) {
                for (Interstitial interstitial : INTERSTITIALS) {
                    for (String nonce : NONCES) {
                        Page actual = page.continuePage(interstitial, acceptLanguage, nonce);
                        assertEquals(200, actual.status());
                        assertEquals(PageLanguage.fromAcceptLanguage(acceptLanguage).code(), actual.contentLanguage());
                        assertSame(reference.continuePage(interstitial, acceptLanguage, nonce), actual.html(),
                                config + " " + acceptLanguage + " " + interstitial + " " + nonce);
                    }
                }
            }
        }
    }

    @Test
    void everyProblemPageIsWhatTheStringRendererMade() throws IOException {
        for (InterstitialConfig config : CONFIGS) {
            InterstitialPage page = InterstitialPage.create(config);
            ReferencePage reference = new ReferencePage(config);
            for (Problem problem : Problem.values()) {
                for (String acceptLanguage : ACCEPT_LANGUAGES) {
                    for (String nonce : NONCES) {
                        Page actual = page.problemPage(problem, acceptLanguage, nonce);
                        assertEquals(problem.status(), actual.status());
                        assertEquals(PageLanguage.fromAcceptLanguage(acceptLanguage).code(), actual.contentLanguage());
                        assertSame(reference.problemPage(problem, acceptLanguage, nonce), actual.html(),
                                config + " " + problem + " " + acceptLanguage + " " + nonce);
                    }
                }
            }
        }
    }

    @Test
    void anyTokenAndProofAreEscapedAsTheStringRendererDid() throws IOException {
        InterstitialConfig config = CONFIGS.get(0);
        InterstitialPage page = InterstitialPage.create(config);
        ReferencePage reference = new ReferencePage(config);
        Random random = new Random(42);
        String alphabet = "aZ09-_+/=&<>\"'` \n\tàé€😀\u0000\u007f\u0080\uffff";
        for (int i = 0; i < 500; i++) {
            Interstitial interstitial = new Interstitial(randomText(random, alphabet), randomText(random, alphabet),
                    random.nextInt(100_000), i % 2 == 0 ? null : Instant.ofEpochSecond(random.nextInt()), EXPIRES);
            assertSame(reference.continuePage(interstitial, "fr", NONCES.get(2)),
                    page.continuePage(interstitial, "fr", NONCES.get(2)).html(), interstitial.toString());
        }
    }

    @Test
    void theNonceCheckAcceptsExactlyCspBase64Values() {
        Pattern valid = Pattern.compile("[A-Za-z0-9+/_-]{16,128}={0,2}");
        List<String> candidates = new ArrayList<>(List.of("", "=", "==", "abc", "abcdefghijklmnop", "abcdefghijklmno",
                "abcdefghijklmnop=", "abcdefghijklmnop==", "abcdefghijklmnop===", "abcdefgh=ijklmnop",
                "=abcdefghijklmnop", "abcdefghijklmnop= ", " abcdefghijklmnop", "abcdefghijklmnöp", "abcdefghijklmnop\n",
                "abc'; script-src *", "\"><xabcdefghijklmnop", "ABCDEFGHIJKLMNOPQRSTUVWXYZ+/_-0189", "a".repeat(128),
                "a".repeat(129), "a".repeat(128) + "==", "a".repeat(129) + "=", "abcdefghijklmno==="));
        Random random = new Random(1);
        String alphabet = "aZ09+/_-=.: ~\"é";
        for (int i = 0; i < 2000; i++) {
            candidates.add(randomText(random, alphabet, 10 + random.nextInt(10)));
        }
        for (String nonce : candidates) {
            if (valid.matcher(nonce).matches()) {
                assertEquals(nonce, CspNonce.check(nonce), nonce);
            } else {
                assertThrows(IllegalArgumentException.class, () -> CspNonce.check(nonce), nonce);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> CspNonce.check(null));
        for (int i = 0; i < 100; i++) {
            String nonce = CspNonce.next();
            assertEquals(24, nonce.length());
            assertEquals(nonce, CspNonce.check(nonce));
        }
    }

    private static String randomText(Random random, String alphabet) {
        return randomText(random, alphabet, random.nextInt(40));
    }

    private static String randomText(Random random, String alphabet, int length) {
        int[] codePoints = alphabet.codePoints().toArray();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return s.toString();
    }

    /** Compares as text first, for a readable difference, then byte for byte. */
    private static void assertSame(byte[] expected, byte[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8), what);
            assertArrayEquals(expected, actual, what);
        }
    }
}
