package dev.linkgate.gateway.history;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.testing.MutableClock;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.Poll;
import dev.linkgate.gateway.testing.WireMockUpstream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A link's story through a real gateway and its admin port: a scanner and then the signer click, support asks
 * {@code GET /links/...} (and the history CLI) and reads what happened, with the token redacted and the
 * admin token required. Run against each store.
 */
abstract class LinkHistoryEndpointContract {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    static final String TOKEN = "Zq7sVx2Lm9TkWp4R";
    static final String EOP = "40.92.18.77";

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    final ObjectMapper json = new ObjectMapper();
    HistorySite site;

    abstract StoreConfig store();

    @BeforeEach
    void start() throws Exception {
        upstream.resetAll();
        upstream.stubFor(any(urlPathMatching("/(sign/.*|s)")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<h1>Document for signing</h1>")));
        site = new HistorySite(URI.create(upstream.baseUrl()), store(), clock);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void supportReadsWhatHappenedToALink() throws Exception {
        assertEquals(200, send(scannerHead("/sign/" + TOKEN)).statusCode());
        clock.advance(Duration.ofSeconds(6));
        assertEquals("<h1>Document for signing</h1>", send(person("/sign/" + TOKEN, "203.0.113.7")).body());

        JsonNode story = awaitStory("/links/" + TOKEN, 2);
        String body = story.toString();
        assertEquals(TOKEN.substring(0, 4) + "…", story.path("link").asText());
        assertFalse(body.contains(TOKEN), "the token is never shown whole");
        assertFalse(body.contains(GatewayHarness.CHROME), "nor the user agent");
        assertFalse(body.contains(EOP) || body.contains("203.0.113.7"), "nor the address, only its network");

        JsonNode scanner = story.path("events").get(0);
        assertEquals("link", scanner.path("route").asText());
        assertEquals("HEAD", scanner.path("method").asText());
        assertEquals("interstitial", scanner.path("decision").asText());
        assertEquals("bot", scanner.path("reason").asText());
        assertEquals("BOT", scanner.path("verdict").asText());
        assertTrue(scanner.path("signals").toString().contains("scanner_network"), scanner.toString());
        assertEquals("40.92.18.0/24", scanner.path("client_network").asText());
        assertEquals("microsoft-eop", scanner.path("network_list").asText());
        assertEquals("Chrome", scanner.path("user_agent").path("family").asText());
        assertEquals(HistorySite.REPLICA, scanner.path("replica").asText());

        JsonNode person = story.path("events").get(1);
        assertEquals("forward", person.path("decision").asText());
        assertEquals("first_click", person.path("reason").asText());
        assertEquals("HUMAN", person.path("verdict").asText());
        assertEquals("203.0.113.0/24", person.path("client_network").asText());
        assertTrue(Instant.parse(scanner.path("time").asText()).isBefore(Instant.parse(person.path("time").asText())));

        JsonNode first = story.path("first_opened");
        assertEquals("person", first.path("client").asText());
        assertEquals(person.path("time").asText(), first.path("time").asText());
    }

    @Test
    void theWholeLinkFindsTheSameStory() throws Exception {
        send(person("/s?t=" + TOKEN + "&ts=" + clock.instant().minusSeconds(3600).getEpochSecond(), "203.0.113.7"));
        String link = "https://sign.example.com/s?t=" + TOKEN + "&ts=123";
        JsonNode story = awaitStory("/links?url=" + URLEncoder.encode(link, StandardCharsets.UTF_8), 1);
        assertEquals("first_click", story.path("events").get(0).path("reason").asText());
        // Pasted as is, unencoded, its own '&' included.
        assertEquals(200, admin("/links?url=" + link, HistorySite.ADMIN_TOKEN).statusCode());
    }

    @Test
    void anUnknownLinkIs404AndANonLinkIs400() throws Exception {
        assertEquals(404, admin("/links/never-sent-0000", HistorySite.ADMIN_TOKEN).statusCode());
        assertEquals(400, admin("/links?url=" + URLEncoder.encode("https://x/other/path", StandardCharsets.UTF_8),
                HistorySite.ADMIN_TOKEN).statusCode());
        assertEquals(400, admin("/links", HistorySite.ADMIN_TOKEN).statusCode());
    }

    @Test
    void theAdminTokenIsRequiredForLinksButNotForMetricsOrHealth() throws Exception {
        send(person("/sign/" + TOKEN, "203.0.113.7"));
        awaitStory("/links/" + TOKEN, 1);
        HttpResponse<String> none = admin("/links/" + TOKEN, null);
        assertEquals(401, none.statusCode());
        assertEquals("Bearer realm=\"linkgate-admin\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, admin("/links/" + TOKEN, HistorySite.ADMIN_TOKEN + "x").statusCode());
        assertEquals(401, admin("/links/" + TOKEN, "wrong").statusCode());
        assertEquals(200, admin("/metrics", null).statusCode());
        assertEquals(200, admin("/healthz", null).statusCode());
        assertEquals(200, admin("/readyz", null).statusCode());
        // An admin write is guarded the same way: without the token a reload is never attempted.
        HttpResponse<String> reload = http.send(HttpRequest.newBuilder(URI.create(site.adminUrl() + "/reload"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, reload.statusCode());
    }

    @Test
    void theHistoryCliPrintsATimeline() throws Exception {
        send(scannerHead("/sign/" + TOKEN));
        clock.advance(Duration.ofSeconds(6));
        send(person("/sign/" + TOKEN, "203.0.113.7"));
        awaitStory("/links/" + TOKEN, 2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HistoryCommand.run(new String[] {"history", "--admin", site.adminUrl(), TOKEN},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("LINKGATE_ADMIN_TOKEN", HistorySite.ADMIN_TOKEN)::get);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<String> lines = text.lines().toList();
        assertEquals("link " + TOKEN.substring(0, 4) + "… (times in UTC)", lines.get(0));
        assertTrue(lines.get(1).startsWith("first opened ") && lines.get(1).contains(" by a person (Chrome "), text);
        assertTrue(lines.get(3).matches("\\d\\d:\\d\\d:\\d\\d  scanner \\(microsoft-eop network, HEAD, Chrome \\d+\\)"
                + " -> Continue page   \\[method_head scanner_network.*; 40\\.92\\.18\\.0/24; "
                + java.util.regex.Pattern.quote(HistorySite.REPLICA) + "]"), text);
        assertTrue(lines.get(4).matches("\\d\\d:\\d\\d:\\d\\d  person \\(Chrome \\d+\\) -> forwarded \\(first click\\)"
                + ".*"), text);
        assertFalse(text.contains(TOKEN));

        ByteArrayOutputStream denied = new ByteArrayOutputStream();
        assertEquals(1, HistoryCommand.run(new String[] {"history", "--admin", site.adminUrl(), TOKEN},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(denied, true, StandardCharsets.UTF_8), name -> null));
        assertTrue(denied.toString(StandardCharsets.UTF_8).contains("LINKGATE_ADMIN_TOKEN"));
    }

    @Test
    void aClickSecondsAfterSendingGetsTheContinuePageAndTheSendTimeIsForwardedUnchanged() throws Exception {
        long sent = clock.instant().minusSeconds(22).getEpochSecond();
        HttpResponse<String> early = send(person("/s?t=" + TOKEN + "&ts=" + sent, "203.0.113.7"));
        assertTrue(early.body().contains("name=\"" + dev.linkgate.core.policy.ContinueForm.TOKEN_FIELD + "\""),
                "the Continue page, not the document");
        assertUpstreamSaw(0);
        assertEquals(1.0, site.signals("just_sent"));
        JsonNode story = awaitStory("/links/" + TOKEN, 1);
        assertTrue(story.path("events").get(0).path("signals").toString().contains("just_sent"), story.toString());
        assertEquals("SUSPECT", story.path("events").get(0).path("verdict").asText());

        String other = "Kp3xW8nQ2rTz6Ysa";
        long longAgo = clock.instant().minusSeconds(3600).toEpochMilli();
        HttpResponse<String> later = send(person("/s?t=" + other + "&ts=" + longAgo, "203.0.113.7"));
        assertEquals("<h1>Document for signing</h1>", later.body());
        upstream.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching("/s"))
                .withQueryParam("ts", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Long.toString(longAgo)))
                .withQueryParam("t", com.github.tomakehurst.wiremock.client.WireMock.equalTo(other)));
    }

    @Test
    void aMissingFutureOrBrokenSendTimeAddsNoSignalAndIsCounted() throws Exception {
        long future = clock.instant().plusSeconds(3600).getEpochSecond();
        String[] queries = {"t=Aa1Bb2Cc3Dd4Ee5F", "t=Bb1Bb2Cc3Dd4Ee5F&ts=" + future, "t=Cc1Bb2Cc3Dd4Ee5F&ts=soon"};
        for (String q : queries) {
            assertEquals("<h1>Document for signing</h1>", send(person("/s?" + q, "203.0.113.7")).body(), q);
        }
        assertUpstreamSaw(3);
        assertEquals(3.0, site.signals("sent_at_invalid"));
        assertEquals(0.0, site.signals("just_sent"));
    }

    JsonNode awaitStory(String path, int events) throws Exception {
        JsonNode[] found = new JsonNode[1];
        boolean ok = Poll.until(Duration.ofSeconds(5), () -> {
            HttpResponse<String> r = admin(path, HistorySite.ADMIN_TOKEN);
            if (r.statusCode() != 200) {
                return false;
            }
            found[0] = json.readTree(r.body());
            return found[0].path("events").size() >= events;
        });
        assertTrue(ok, "no story with " + events + " events at " + path);
        return found[0];
    }

    HttpResponse<String> admin(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.adminUrl() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest scannerHead(String path) {
        return HttpRequest.newBuilder(site.link(path)).timeout(Duration.ofSeconds(10))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", GatewayHarness.CHROME).header("X-Forwarded-For", EOP).build();
    }

    HttpRequest person(String pathAndQuery, String client) {
        return HttpRequest.newBuilder(site.link(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", GatewayHarness.CHROME)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.9")
                .header("Sec-Fetch-Site", "none").header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document").header("Sec-Fetch-User", "?1")
                .header("X-Forwarded-For", client).build();
    }

    void assertUpstreamSaw(int requests) {
        upstream.verify(requests, anyRequestedFor(urlPathMatching("/(sign/.*|s)")));
    }
}
