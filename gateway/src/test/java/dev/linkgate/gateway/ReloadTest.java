package dev.linkgate.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.gateway.reload.ConfigReload;
import dev.linkgate.gateway.reload.ReloadSignal;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.LeakFailExtension;
import dev.linkgate.gateway.testing.Poll;
import dev.linkgate.gateway.testing.ServiceConfig;
import dev.linkgate.gateway.testing.WireMockUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SIGHUP and POST /reload on a whole service started from a config file, with WireMock as the signing app. */
@ExtendWith(LeakFailExtension.class)
class ReloadTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();

    private static final String BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final Pattern TOKEN = Pattern.compile(
            "name=\"" + ContinueForm.TOKEN_FIELD + "\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;
    private Path file;
    private ServiceConfig config;
    private Service service;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger reloadLogger = (Logger) LoggerFactory.getLogger(ConfigReload.class);

    @BeforeEach
    void start() {
        upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("the app")));
        config = new ServiceConfig(upstream.getPort());
        file = config.writeTo(dir.resolve("linkgate.yaml"));
        service = Service.start(file, new dev.linkgate.core.config.ConfigLoader().load(file), Clock.systemUTC(),
                () -> true);
        log.start();
        reloadLogger.addAppender(log);
    }

    @AfterEach
    void stop() {
        reloadLogger.detachAppender(log);
        service.close(Duration.ofMillis(200));
    }

    private HttpResponse<String> get(String path, String userAgent) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway(path)).timeout(Duration.ofSeconds(10))
                .header("User-Agent", userAgent)
                .header("Accept", "text/html")
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + service.server().port() + path);
    }

    private HttpResponse<String> postReload() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.adminPort() + "/reload"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private double metric(String series) {
        return service.registry().scrape().lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private List<String> logged() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void postReloadAppliesTheNewPolicyAndBrandingToTheNextRequest() throws Exception {
        HttpResponse<String> before = get("/sign/tok-1", BOT);
        assertEquals(200, before.statusCode());
        assertTrue(before.body().contains("Acme Sign"), "the interstitial, branded");
        upstream.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(anyUrl()));

        config.name = "Beta Sign";
        config.writeTo(file);
        HttpResponse<String> reload = postReload();
        assertEquals(200, reload.statusCode());
        assertEquals("config reloaded from " + file, reload.body().strip());
        assertTrue(get("/sign/tok-2", BOT).body().contains("Beta Sign"));

        config.mode = "monitor";
        config.writeTo(file);
        assertEquals(200, postReload().statusCode());
        HttpResponse<String> monitored = get("/sign/tok-3", BOT);
        assertEquals("the app", monitored.body(), "monitor mode forwards even a bot");

        assertEquals(2, metric("linkgate_config_reloads_total{result=\"success\"}"));
        assertEquals(0, metric("linkgate_config_reloads_total{result=\"failure\"}"));
        assertEquals(List.of("config reloaded from " + file, "config reloaded from " + file), logged());
    }

    @Test
    void aBadFileKeepsThePreviousConfigAndLogsOneLineWithTheErrorCheckConfigGives() throws Exception {
        double lastSuccess = metric("linkgate_config_last_reload_success_timestamp_seconds");
        assertTrue(lastSuccess > 0, "the start counts as a successful load");
        config.name = "Never Applied";
        config.extra = "policy:\n  double-click-window: 2x\n";
        config.writeTo(file);

        HttpResponse<String> reload = postReload();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(new String[] {"check-config", file.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String checkConfig = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(checkConfig.startsWith("config error at policy"), checkConfig);
        assertEquals(422, reload.statusCode());
        assertEquals("config reload failed, still running the previous config: " + checkConfig, reload.body().strip());
        assertEquals(List.of("config reload failed, still running the previous config: " + checkConfig), logged());
        assertEquals(Level.ERROR, log.list.get(0).getLevel());
        assertTrue(get("/sign/tok-1", BOT).body().contains("Acme Sign"), "still the previous branding");
        assertEquals(1, metric("linkgate_config_reloads_total{result=\"failure\"}"));
        assertEquals(lastSuccess, metric("linkgate_config_last_reload_success_timestamp_seconds"));
    }

    @Test
    void aMissingScannerListIsAFailedReloadLikeCheckConfigSaysToo() throws Exception {
        Files.writeString(file, config.yaml().replace("config/scanners/networks.txt", "config/scanners/absent.txt"));
        HttpResponse<String> reload = postReload();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Main.run(new String[] {"check-config", file.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(422, reload.statusCode());
        assertEquals("config reload failed, still running the previous config: "
                + err.toString(StandardCharsets.UTF_8).strip(), reload.body().strip());
    }

    @Test
    void keysThatNeedARestartAreNamedAndLeftAsTheyWere() throws Exception {
        int port = service.server().port();
        config.listenPort = port == 65535 ? port - 1 : port + 1;
        config.extra = "store:\n  type: redis\n  redis:\n    uri: \"redis://127.0.0.1:1\"\n";
        config.name = "Applied Anyway";
        config.writeTo(file);

        HttpResponse<String> reload = postReload();

        assertEquals(200, reload.statusCode());
        assertEquals("config reloaded from " + file + "; restart needed for listen.port, store.type, store.redis.uri"
                + " (left as they were)", reload.body().strip());
        assertEquals(port, service.server().port());
        assertTrue(get("/sign/tok-1", BOT).body().contains("Applied Anyway"), "the rest applies, on the same port");
    }

    @Test
    void aContinuePageRenderedBeforeASecretRotationIsStillAccepted() throws Exception {
        HttpResponse<String> page = http.send(GatewayHarnessRequests.browserWithoutFetchMetadata(gateway("/sign/tok-rot"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(page.body());
        assertTrue(m.find(), "the Continue page carries a token");

        config.secret = "a-second-secret-that-is-also-32-bytes-long";
        config.writeTo(file);
        assertEquals(200, postReload().statusCode());

        HttpResponse<String> accepted = http.send(GatewayHarnessRequests.browserWithoutFetchMetadata(gateway("/sign/tok-rot"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ContinueForm.TOKEN_FIELD + "="
                        + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, accepted.statusCode());
        assertEquals("the app", accepted.body(), "accepted and forwarded once");
    }

    @Test
    void aFileWithoutASecretKeepsTheRunningSecretAndSaysSoInsteadOfWarningOfARandomOne() throws Exception {
        HttpResponse<String> page = http.send(GatewayHarnessRequests.browserWithoutFetchMetadata(gateway("/sign/tok-keep"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(page.body());
        assertTrue(m.find(), "the Continue page carries a token");
        ListAppender<ILoggingEvent> serviceLog = new ListAppender<>();
        Logger serviceLogger = (Logger) LoggerFactory.getLogger(Service.class);
        serviceLog.start();
        serviceLogger.addAppender(serviceLog);
        try {
            Files.writeString(file, config.yaml().replaceAll("(?m)^secret: .*\n", ""));
            assertEquals(200, postReload().statusCode());
        } finally {
            serviceLogger.detachAppender(serviceLog);
        }

        assertEquals(List.of(file + " has no secret: the reload keeps the running one"),
                serviceLog.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        HttpResponse<String> accepted = http.send(GatewayHarnessRequests.browserWithoutFetchMetadata(gateway("/sign/tok-keep"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ContinueForm.TOKEN_FIELD + "="
                        + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("the app", accepted.body(), "signed with the running secret, so still accepted");
    }

    @Test
    void sighupReloadsAndNoLongerStopsTheProcess() throws Exception {
        assertTrue(ReloadSignal.install(service.reload(), service.reloadThread()));
        config.name = "Signalled Sign";
        config.writeTo(file);

        Signal.raise(new Signal("HUP"));

        // The signal arrives on the JVM's signal thread: wait for its reload like for any outside event.
        assertTrue(Poll.until(Duration.ofSeconds(10), () -> metric("linkgate_config_reloads_total{result=\"success\"}") == 1));
        assertTrue(get("/sign/tok-1", BOT).body().contains("Signalled Sign"));
        assertFalse(logged().isEmpty());
    }

    @Test
    void trustedProxiesAndTheUpstreamTimeoutApplyToTheNextRequest() throws Exception {
        // From a trusted proxy, X-Forwarded-For names a scanner network (Microsoft's): the page, not the app.
        HttpRequest viaProxy = GatewayHarnessRequests.browserWithoutFetchMetadata(gateway("/sign/tok-xff"))
                .header("Sec-Fetch-Site", "none").header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document").header("Sec-Fetch-User", "?1")
                .header("X-Forwarded-For", "40.92.12.7").build();
        assertTrue(http.send(viaProxy, HttpResponse.BodyHandlers.ofString()).body().contains("Acme Sign"));

        config.trustedProxies = "[]";
        config.responseTimeout = "1s";
        config.writeTo(file);
        assertEquals(200, postReload().statusCode());

        // Nobody trusted now: the header is ignored, the loopback client is a person, the click is forwarded.
        assertEquals("the app", http.send(viaProxy, HttpResponse.BodyHandlers.ofString()).body());
        upstream.stubFor(any(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> slow = fresh.send(HttpRequest.newBuilder(gateway("/slow"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(504, slow.statusCode(), "the new 1s response timeout, not the 5s one");
    }

    /** The harness's browser headers, for a request to any URI. */
    private static final class GatewayHarnessRequests {
        static HttpRequest.Builder browserWithoutFetchMetadata(URI uri) {
            return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("User-Agent", GatewayHarness.CHROME)
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("Accept-Language", "en-GB,en;q=0.9");
        }
    }
}
