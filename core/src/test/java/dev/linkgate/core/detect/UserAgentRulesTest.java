package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAgentRulesTest {
    private static final UserAgentRules SHIPPED = shipped();

    private static UserAgentRules shipped() {
        try {
            return UserAgentRules.load(TestData.userAgentsFile(), List.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static UserAgentRules rules(String... lines) {
        return new UserAgentRules(UserAgentRules.parse(List.of(lines), "test"));
    }

    private static String reason(UserAgentRules rules, String userAgent) {
        Evidence e = rules.match(userAgent);
        return e == null ? null : e.reason();
    }

    @Test
    void missingUserAgentIsBot() {
        Map<String, String> headers = TestData.browserHeaders(TestData.CHROME_131, "en");
        headers.remove("User-Agent");
        Evidence e = SHIPPED.check(TestData.click(headers, TestData.HOME, TestData.NOV_2024));
        assertEquals(Weight.BOT, e.weight());
        assertEquals("ua_missing", e.reason());
    }

    @Test
    void emptyUserAgentIsBot() {
        Map<String, String> headers = TestData.browserHeaders(" ", "en");
        assertEquals("ua_missing", SHIPPED.check(TestData.click(headers, TestData.HOME, TestData.NOV_2024)).reason());
    }

    @Test
    void nativeHostHeaderIsOutlookFetchingTheLinkItself() {
        Map<String, String> headers = TestData.browserHeaders(TestData.CHROME_131, "en");
        headers.put("X-Native-Host", "OutlookWin32");
        Evidence e = SHIPPED.check(TestData.click(headers, TestData.HOME, TestData.NOV_2024));
        assertEquals("ua_native_host", e.reason());
        assertEquals(Weight.BOT, e.weight());
    }

    @Test
    void aCurrentBrowserMatchesNothing() {
        assertNull(SHIPPED.check(TestData.browserClick(TestData.CHROME_131, TestData.NOV_2024)));
    }

    @Test
    void toolsAndLibrariesAreTools() {
        for (String ua : new String[] {"curl/8.4.0", "Wget/1.21.4", "python-requests/2.31.0",
                "Python-urllib/3.11", "Python/3.9 aiohttp/3.8.1", "python-httpx/0.27.0", "Go-http-client/2.0",
                "Java/17.0.2", "Apache-HttpClient/4.5.14 (Java/17)", "okhttp/4.12.0", "axios/1.6.2",
                "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", "undici", "libwww-perl/6.72",
                "PostmanRuntime/7.36.0", "HTTPie/3.2.2"}) {
            assertEquals("ua_tool", reason(SHIPPED, ua), ua);
        }
    }

    @Test
    void crawlersAreCrawlers() {
        for (String ua : new String[] {
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (compatible; YandexBot/3.0)", "Sogou web spider/4.0", "SomeNewCrawler/1.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/114.0.5735.179 Safari/537.36 (compatible; Google-Safety; +http://www.google.com/bot.html)"}) {
            assertEquals("ua_crawler", reason(SHIPPED, ua), ua);
        }
    }

    @Test
    void linkPreviewersArePreviewers() {
        for (String ua : new String[] {"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "Twitterbot/1.0",
                "WhatsApp/2.23.20.0 A", "TelegramBot (like TwitterBot)",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
                "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
                "MicrosoftPreview/2.0; +https://aka.ms/MicrosoftPreview"}) {
            assertEquals("ua_previewer", reason(SHIPPED, ua), ua);
        }
    }

    @Test
    void headlessAndAutomatedBrowsersAreHeadless() {
        for (String ua : new String[] {
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1",
                "Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/109.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse"}) {
            assertEquals("ua_headless", reason(SHIPPED, ua), ua);
        }
    }

    @Test
    void officeAgentsAreOfficeEvenWhereIsbotCallsThemBrowsers() {
        for (String ua : new String[] {"Microsoft Office Existence Discovery",
                "Microsoft Office Protocol Discovery", "Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
                "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                        + " Safari/537.36 Edg/131.0.0.0 OneOutlook/1.2024.1112.100"}) {
            assertEquals("ua_office", reason(SHIPPED, ua), ua);
        }
    }

    @Test
    void mailSecurityVendorsThatNameThemselvesAreMailSecurity() {
        assertEquals("ua_mail_security", reason(SHIPPED, "Barracuda Sentinel (EE)"));
        assertEquals("ua_mail_security", reason(SHIPPED, "Kaspersky Lab CFR link resolver"));
    }

    @Test
    void botInsidePhoneNamesAndWordsIsNoBot() {
        assertNull(SHIPPED.match("Mozilla/5.0 (Linux; Android 6.0; CUBOT MAX Build/MRA58K) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        assertNull(SHIPPED.match("Mozilla/5.0 (Linux; Android 8.0.0; CUBOT_P20) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        assertNull(SHIPPED.match("Mozilla/5.0 (Windows NT 10.0; Win64; x64; Abbott Laboratories) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
    }

    @Test
    void aRobotNameAfterAPhoneNameIsStillFound() {
        assertEquals("ua_crawler", reason(SHIPPED, "Mozilla/5.0 (Linux; Android 6.0; CUBOT MAX) MyBot/1.0"));
    }

    @Test
    void inAppBrowsersArePeople() {
        assertNull(SHIPPED.match("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Mobile/15E148 Instagram 334.0.4.32.98 (iPhone14,5; iOS 17_5; en_US; en; "
                + "scale=3.00; 1170x2532; 606386015)"));
        assertNull(SHIPPED.match("Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/127.0.6533.103 Mobile Safari/537.36 "
                + "[FB_IAB/FB4A;FBAV/477.0.0.49.74;]"));
    }

    @Test
    void wordBoundariesAreCheckedOnBothSides() {
        UserAgentRules r = rules("crawler \\bbot\\b");
        assertEquals("ua_crawler", reason(r, "my bot 1.0"));
        assertEquals("ua_crawler", reason(r, "bot"));
        assertNull(reason(r, "robot 1.0"));
        assertNull(reason(r, "my bots"));
    }

    @Test
    void anchorsPinAPatternToTheStartOrEnd() {
        UserAgentRules r = rules("tool ^java/", "crawler bot$");
        assertEquals("ua_tool", reason(r, "Java/17.0.1"));
        assertNull(reason(r, "Mozilla/5.0 (Java/17)"));
        assertEquals("ua_crawler", reason(r, "AmazonAdBot"));
        assertNull(reason(r, "AmazonAdBot/1.0"));
    }

    @Test
    void theFirstCategoryWinsAndWithinItTheLongestPattern() {
        UserAgentRules r = rules("crawler bot\\b", "mail_security barracuda", "tool httpclient",
                "crawler http://", "crawler acmebot", "previewer linkpeek");
        assertEquals("ua_mail_security", reason(r, "httpclient Barracuda bot"));
        assertEquals("ua_previewer", reason(r, "LinkPeek/1.0 (httpclient)"));
        Evidence acme = r.match("AcmeBot (+http://acme.example)");
        assertEquals("ua_crawler", acme.reason());
        assertTrue(acme.detail().contains("acmebot"), acme.detail());
    }

    @Test
    void detailNamesThePatternButTheReasonStaysACategory() {
        Evidence e = SHIPPED.match("curl/8.4.0");
        assertEquals("user_agent", e.signal());
        assertTrue(e.detail().contains("curl/"), e.detail());
        assertTrue(Detector.REASONS.contains(e.reason()));
    }

    @Test
    void operatorsAddPatternsInTheSameSyntax(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ua.txt");
        Files.writeString(file, "# mine\ncrawler  acmebot\n");
        UserAgentRules r = UserAgentRules.load(file, List.of("mail_security  acme-link-checker"));
        assertEquals("ua_mail_security", reason(r, "Acme-Link-Checker/2"));
        assertEquals("ua_crawler", reason(r, "AcmeBot"));
    }

    @Test
    void anUnknownCategoryIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ua.txt");
        Files.writeString(file, "# header\n\ncrawler googlebot\nrobot slurp\n");
        ScannerListException e = assertThrows(ScannerListException.class, () -> UserAgentRules.load(file, List.of()));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(file + ":4: unknown category 'robot'"), e.getMessage());
    }

    @Test
    void aLineWithoutPatternOrWithNonAsciiIsRejected() {
        ScannerListException noPattern = assertThrows(ScannerListException.class,
                () -> UserAgentRules.parse(List.of("crawler"), "extra"));
        assertEquals("extra:1: expected 'CATEGORY PATTERN' but found 'crawler'", noPattern.getMessage());
        assertThrows(ScannerListException.class, () -> UserAgentRules.parse(List.of("crawler b\u00f6t"), "x"));
        assertThrows(ScannerListException.class, () -> UserAgentRules.parse(List.of("crawler ^$"), "x"));
    }
}
