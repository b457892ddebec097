package dev.linkgate.gateway;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.policy.ContinueForm;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.LeakFailExtension;
import dev.linkgate.gateway.testing.ServiceConfig;
import dev.linkgate.gateway.testing.WireMockUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reloads while clients keep going: four loopback clients on keep-alive connections send a bounded number of
 * requests of every kind (first clicks forwarded, bots shown the page, passthrough, Continue pages posted back)
 * while the config flips between two files with different secrets, branding, trusted proxies and timeouts. No
 * request may fail, and a page rendered before a secret change must still be accepted after it.
 */
@ExtendWith(LeakFailExtension.class)
class ReloadUnderLoadTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();

    private static final int CLIENTS = 4;
    private static final int ROUNDS_PER_CLIENT = 40;
    /** Each client asks for a reload every this many rounds: about 20 reloads spread over the run. */
    private static final int ROUNDS_PER_RELOAD = 8;
    private static final String BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    private static final Pattern TOKEN = Pattern.compile(
            "name=\"" + ContinueForm.TOKEN_FIELD + "\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<long[]> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<long[]> reloads = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore reloadDue = new Semaphore(0);
    /** Reloads asked for and applied so far; a client's next ask waits for its last one (pacing, not timing). */
    private final AtomicInteger asked = new AtomicInteger();
    private final Object appliedChanged = new Object();
    private int appliedSoFar;

    private void awaitApplied(int reloads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (appliedChanged) {
            try {
                while (appliedSoFar < reloads && System.nanoTime() < deadline) {
                    appliedChanged.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void noRequestFailsWhileTheConfigIsReloadedUnderLoad() throws Exception {
        upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("the app")));
        ServiceConfig a = new ServiceConfig(upstream.getPort());
        ServiceConfig b = new ServiceConfig(upstream.getPort());
        b.name = "Beta Sign";
        b.secret = "the-other-secret-of-at-least-32-bytes";
        b.trustedProxies = "[\"127.0.0.0/8\", \"10.0.0.0/8\"]";
        b.responseTimeout = "7s";
        Path file = a.writeTo(dir.resolve("linkgate.yaml"));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (Service service = Service.start(file, new ConfigLoader().load(file), Clock.systemUTC(), () -> true)) {
            String base = "http://127.0.0.1:" + service.server().port();
            URI reload = URI.create("http://127.0.0.1:" + service.adminPort() + "/reload");
            AtomicInteger running = new AtomicInteger(CLIENTS);
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(CompletableFuture.runAsync(() -> {
                    try {
                        int mine = 0;
                        for (int round = 0; round < ROUNDS_PER_CLIENT; round++) {
                            round(base, client + "-" + round);
                            if (round % ROUNDS_PER_RELOAD == ROUNDS_PER_RELOAD / 2) {
                                // On a slow machine the clients could finish before the reloads they asked for ran:
                                // a client asks for its next reload only once its previous one was applied.
                                awaitApplied(mine);
                                mine = asked.incrementAndGet();
                                reloadDue.release();
                            }
                        }
                    } finally {
                        running.decrementAndGet();
                    }
                }, clients));
            }
            int applied = 0;
            for (int n = 0; running.get() > 0; ) {
                if (!reloadDue.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                (n++ % 2 == 0 ? b : a).writeTo(file);
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(reload).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                reloads.add(new long[] {start, System.nanoTime()});
                assertEquals(200, r.statusCode(), r.body());
                applied++;
                synchronized (appliedChanged) {
                    appliedSoFar = applied;
                    appliedChanged.notifyAll();
                }
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);

            long during = requests.stream().filter(this::overlapsAReload).count();
            long first = reloads.get(0)[0];
            long last = reloads.get(reloads.size() - 1)[1];
            long inPeriod = requests.stream().filter(q -> q[0] >= first && q[1] <= last).count();
            System.out.printf("reload under load: %d requests from %d clients, %d reloads applied; %d requests within"
                    + " the reloads' period, %d of them in flight while a reload ran; %d failed%n",
                    requests.size(), CLIENTS, applied, inPeriod, during, failures.size());
            assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())));
            assertEquals(CLIENTS * ROUNDS_PER_CLIENT * 5, requests.size());
            assertTrue(applied >= CLIENTS * ROUNDS_PER_CLIENT / ROUNDS_PER_RELOAD / 2,
                    "reloads ran while clients did: " + applied);
            assertTrue(during > 0, "some requests were in flight during a reload");
            assertEquals(applied, service.registry().scrape().lines()
                    .filter(l -> l.startsWith("linkgate_config_reloads_total{result=\"success\"}"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
        } finally {
            clients.shutdownNow();
        }
    }

    private boolean overlapsAReload(long[] request) {
        synchronized (reloads) {
            return reloads.stream().anyMatch(r -> request[0] < r[1] && request[1] > r[0]);
        }
    }

    /** Five requests: a first click, a bot, a passthrough, and a Continue page fetched then posted back. */
    private void round(String base, String id) {
        expect(send(browser(base + "/sign/first-" + id).header("Sec-Fetch-Site", "none")
                .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                .header("Sec-Fetch-User", "?1").build()), "the app", "first click " + id);
        HttpResponse<String> bot = send(browser(base + "/sign/bot-" + id).setHeader("User-Agent", BOT).build());
        expect(bot, bot != null && bot.body().contains("Beta Sign") ? "Beta Sign" : "Acme Sign", "bot " + id);
        expect(send(browser(base + "/app/page-" + id).build()), "the app", "passthrough " + id);
        HttpResponse<String> page = send(browser(base + "/sign/continue-" + id).build());
        Matcher m = page == null ? null : TOKEN.matcher(page.body());
        if (m == null || !m.find()) {
            failures.add("continue page " + id + ": " + (page == null ? "no response" : page.statusCode()));
            return;
        }
        expect(send(browser(base + "/sign/continue-" + id)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(ContinueForm.TOKEN_FIELD + "="
                        + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8))).build()),
                "the app", "continue " + id);
    }

    private static HttpRequest.Builder browser(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
                .header("User-Agent", GatewayHarness.CHROME)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "en-GB,en;q=0.9");
    }

    private HttpResponse<String> send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            failures.add(request.method() + " " + request.uri().getPath() + ": " + e);
            return null;
        } finally {
            requests.add(new long[] {start, System.nanoTime()});
        }
    }

    private void expect(HttpResponse<String> r, String bodyPart, String what) {
        if (r != null && (r.statusCode() != 200 || !r.body().contains(bodyPart))) {
            failures.add(what + ": " + r.statusCode() + " " + r.body().substring(0, Math.min(80, r.body().length())));
        }
    }
}
