package dev.linkgate.gateway.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.detect.Weight;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainCommandTest {
    private static final String SECRET_TOKEN = "sEcReTtOkEn0123456789";
    private static final LinkgateConfig CONFIG = new ConfigLoader(name -> null).parse("""
            upstream:
              url: "http://127.0.0.1:8081"
            links:
              - path: "/sign/{token}"
                session-cookies: [sid, csrf]
              - path: "/s"
                query: t
            secret: "0123456789abcdef0123456789abcdef-explain"
            """, "test.yaml");

    /** Scripted detection until the real detector is wired: a HEAD or curl is a bot, a Chrome navigation a person. */
    private static final RequestClassifier SCRIPTED = request -> {
        List<Evidence> evidence = new ArrayList<>();
        if (request.method().equals("HEAD")) {
            evidence.add(new Evidence("method", Weight.BOT, "head_request", "HEAD is never a person's click"));
        }
        String ua = request.userAgent() == null ? "" : request.userAgent();
        if (ua.startsWith("curl/")) {
            evidence.add(new Evidence("user_agent", Weight.BOT, "tool_user_agent", "curl"));
        } else if (ua.contains("Chrome/")) {
            evidence.add(new Evidence("consistency", Weight.CONFIRMS_BROWSER, "browser_navigation"));
        }
        return Classification.of(evidence);
    };

    private static List<JsonNode> explain(String input, int expectedExit) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new ExplainCommand(CONFIG, SCRIPTED, () -> Instant.parse("2026-11-27T10:00:00Z"))
                .explainAll(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(expectedExit, exit);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains(SECRET_TOKEN), "a whole token is never printed");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    @Test
    void aCookieHeaderShowsWhichCookieNamesTheForwardWouldLeaveOut() throws Exception {
        List<JsonNode> out = explain("""
                {"path":"/sign/%1$s","client":"203.0.113.7","headers":{"User-Agent":"Mozilla/5.0 Chrome/141.0","Cookie":"sid=alice-s3cr3t; theme=dark; linkgate-browser=v4lu3"}}
                {"path":"/s?t=%1$s","client":"203.0.113.7","headers":{"User-Agent":"Mozilla/5.0 Chrome/141.0","Cookie":"sid=alice-s3cr3t"}}
                """.formatted(SECRET_TOKEN), 0);

        assertEquals("[\"sid\",\"linkgate-browser\"]", out.get(0).get("cookies_removed").toString(),
                "the route's session cookies and linkgate's own; theme passes");
        assertEquals("[]", out.get(1).get("cookies_removed").toString(), "that route names no session cookies");
        assertFalse(out.toString().contains("alice-s3cr3t"), "names only, never values");
        assertFalse(out.toString().contains("v4lu3"));
    }

    @Test
    void aPersonsFirstClickIsForwardedAndAScannersHeadGetsTheInterstitial() throws Exception {
        List<JsonNode> out = explain("""
                {"method":"GET","path":"/sign/%1$s","client":"203.0.113.7","headers":{"User-Agent":"Mozilla/5.0 Chrome/141.0"}}
                {"method":"HEAD","path":"/sign/%1$s","client":"40.94.1.2","headers":{"User-Agent":"curl/8.5"},"time":"2026-11-27T10:00:00Z"}
                {"path":"/s?t=%1$s","client":"2001:db8::1","headers":{"user-agent":"Mozilla/5.0 Chrome/141.0"}}
                """.formatted(SECRET_TOKEN), 0);
        assertEquals(3, out.size());

        JsonNode person = out.get(0);
        assertEquals("HUMAN", person.get("verdict").asText());
        assertEquals("FORWARD", person.get("decision").asText());
        assertEquals("first_click", person.get("reason").asText());
        assertEquals("browser_navigation", person.get("reasons").get(0).asText());
        assertEquals("sEcR…", person.get("link").asText());
        assertTrue(person.get("trace").size() > 1);

        JsonNode scanner = out.get(1);
        assertEquals("BOT", scanner.get("verdict").asText());
        assertEquals("INTERSTITIAL", scanner.get("decision").asText());
        assertEquals("bot", scanner.get("reason").asText());
        assertEquals(List.of("head_request", "tool_user_agent"),
                List.of(scanner.get("reasons").get(0).asText(), scanner.get("reasons").get(1).asText()));
        assertTrue(scanner.get("trace").get(0).asText().contains("HEAD is never a person's click"));

        assertEquals("FORWARD", out.get(2).get("decision").asText(), "each line gets a fresh ledger");
    }

    @Test
    void aPathThatIsNoLinkPasses() throws Exception {
        JsonNode pass = explain("{\"path\":\"/assets/app.js\",\"client\":\"203.0.113.7\"}\n", 0).get(0);
        assertEquals("PASS", pass.get("decision").asText());
        assertEquals("UNCONFIRMED", pass.get("verdict").asText());
        assertFalse(pass.has("link"));
    }

    @Test
    void badLinesReportTheirNumberAndTheRestGoOn() throws Exception {
        List<JsonNode> out = explain("""
                {"path":"/sign/%1$s", "client":
                
                {"path":"/sign/x","client":"mail.example.com"}
                ["not", "an", "object"]
                {"path":"sign/x","client":"203.0.113.7"}
                {"path":"/sign/x","client":"203.0.113.7","time":"yesterday"}
                {"path":"/sign/x","client":"203.0.113.7","headers":{"User-Agent":7}}
                {"path":"/sign/x","client":"203.0.113.7"}
                """.formatted(SECRET_TOKEN), 1);
        assertEquals(7, out.size(), "the blank line is skipped");
        assertTrue(out.get(0).get("error").asText().startsWith("line 1: not valid JSON"));
        assertTrue(out.get(1).get("error").asText().startsWith("line 3: \"client\" must be an IPv4 or IPv6 address"));
        assertTrue(out.get(2).get("error").asText().startsWith("line 4: expected a JSON object"));
        assertTrue(out.get(3).get("error").asText().startsWith("line 5: \"path\" must"));
        assertTrue(out.get(4).get("error").asText().startsWith("line 6: \"time\" must"));
        assertTrue(out.get(5).get("error").asText().startsWith("line 7: header \"User-Agent\" must be a string"));
        assertEquals("INTERSTITIAL", out.get(6).get("decision").asText());
        assertEquals("unconfirmed", out.get(6).get("reason").asText());
    }

    @Test
    void theBuiltInScannerListsJudgeRealRequests() throws Exception {
        LinkgateConfig config = new ConfigLoader(name -> null).parse("""
                upstream:
                  url: "http://127.0.0.1:8081"
                links:
                  - path: "/sign/{token}"
                secret: "0123456789abcdef0123456789abcdef-explain"
                """, "test.yaml");
        String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/154.0.0.0 Safari/537.36";
        String input = """
                {"method":"HEAD","path":"/sign/%1$s","client":"40.107.1.2","headers":{"User-Agent":"curl/8.5.0"},"time":"2026-11-27T10:00:00Z"}
                {"path":"/sign/%1$s","client":"203.0.113.7","time":"2026-11-27T10:00:00Z","headers":{"User-Agent":"%2$s","Accept":"text/html,application/xhtml+xml","Accept-Language":"en-US,en;q=0.9","Sec-Fetch-Mode":"navigate","Sec-Fetch-Dest":"document","Sec-Fetch-Site":"none","Sec-Fetch-User":"?1"}}
                {"path":"/favicon.ico","client":"203.0.113.7"}
                """.formatted(SECRET_TOKEN, chrome);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ExplainCommand.run(config, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, text);
        assertFalse(text.contains(SECRET_TOKEN));
        String[] lines = text.split("\n");
        ObjectMapper json = new ObjectMapper();

        JsonNode scanner = json.readTree(lines[0]);
        assertEquals("BOT", scanner.get("verdict").asText(), lines[0]);
        assertEquals("INTERSTITIAL", scanner.get("decision").asText());
        assertTrue(scanner.get("reasons").toString().contains("method_head"), lines[0]);
        assertTrue(scanner.get("reasons").toString().contains("scanner_network"), lines[0]);

        JsonNode person = json.readTree(lines[1]);
        assertEquals("HUMAN", person.get("verdict").asText(), lines[1]);
        assertEquals("FORWARD", person.get("decision").asText(), lines[1]);

        assertEquals("PASS", json.readTree(lines[2]).get("decision").asText());
    }

    @Test
    void listsThatCannotBeLoadedAreOneErrorLine() {
        LinkgateConfig config = new ConfigLoader(name -> null).parse("""
                upstream:
                  url: "http://127.0.0.1:8081"
                links:
                  - path: "/sign/{token}"
                detection:
                  user-agents: "/nonexistent/user-agents.txt"
                secret: "0123456789abcdef0123456789abcdef-explain"
                """, "test.yaml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = ExplainCommand.run(config, new ByteArrayInputStream(new byte[0]),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("{\"error\":\"detection lists: config error at"
                + " detection.user-agents: /nonexistent/user-agents.txt: no such file"), bytes.toString());
    }

    @Test
    void unknownAndMisspeltFieldsAreErrors() throws Exception {
        List<JsonNode> out = explain("""
                {"path":"/sign/%1$s","client":"203.0.113.7","headres":{"User-Agent":"curl/8.5"}}
                {"path":"/sign/x","client":"203.0.113.7","referrer":"https://mail.example.com/"}
                {"path":"/sign/x","client":"203.0.113.7"}
                """.formatted(SECRET_TOKEN), 1);
        assertEquals("line 1: unknown field \"headres\"; did you mean \"headers\"?", out.get(0).get("error").asText());
        assertEquals("line 2: unknown field \"referrer\"; the fields are method, path, client, headers, time",
                out.get(1).get("error").asText());
        assertEquals("INTERSTITIAL", out.get(2).get("decision").asText(), "the rest go on");
    }
}
