package dev.linkgate.gateway.browser;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.Mode;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.core.request.RequestHeaders;
import dev.linkgate.gateway.GatewayServer;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.gateway.reload.LiveConfig;
import dev.linkgate.gateway.store.ClickLedgers;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.link.LinkMatcher;
import dev.linkgate.gateway.page.InterstitialPage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * linkgate running in this JVM in front of the {@link SigningApp}, configured from YAML the way an operator
 * would. Started per test, so each test chooses its mode and windows; the gesture dwell is short (300 ms)
 * to keep the suite fast.
 */
final class Linkgate implements AutoCloseable {
    static final Duration DWELL = Duration.ofMillis(300);
    static final Duration DEFAULT_DOUBLE_CLICK = Duration.ofSeconds(2);

    private final GatewayServer server;
    private final GatewayMetrics metrics;
    private final ClickLedger ledger;
    private final int port;
    private String scheme = "http";

    private Linkgate(GatewayServer server, GatewayMetrics metrics, ClickLedger ledger) {
        this.server = server;
        this.metrics = metrics;
        this.ledger = ledger;
        this.port = server.port();
    }

    static Linkgate start(SigningApp app, Mode mode) {
        return start(app, mode, DEFAULT_DOUBLE_CLICK);
    }

    static Linkgate start(SigningApp app, Mode mode, Duration doubleClickWindow) {
        return serve(config(app, mode, doubleClickWindow, DWELL));
    }

    /** Without resume: every later click on a used link is a re-click, whatever browser makes it. */
    static Linkgate startWithoutResume(SigningApp app, Mode mode, Duration doubleClickWindow) {
        return serve(new ConfigLoader(name -> null).parse(yaml(app, mode, doubleClickWindow, DWELL)
                .replace("  resume-window: 10m", "  resume-window: 0s"), "browser-test.yaml"));
    }

    static Linkgate startWithDwell(SigningApp app, Mode mode, Duration dwell) {
        return serve(config(app, mode, DEFAULT_DOUBLE_CLICK, dwell));
    }

    static LinkgateConfig config(SigningApp app, Mode mode, Duration doubleClickWindow, Duration dwell) {
        return new ConfigLoader(name -> null).parse(yaml(app, mode, doubleClickWindow, dwell), "browser-test.yaml");
    }

    /** What linkgate's detector says of a request the browser sent, taken from the signing app's journal. */
    static Classification judge(SigningApp app, LoggedRequest seen) {
        LinkgateConfig config = config(app, Mode.BALANCED, DEFAULT_DOUBLE_CLICK, DWELL);
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader h : seen.getHeaders().all()) {
            headers.put(h.key(), h.firstValue());
        }
        return detector(config).classify(new ClickRequest(seen.getMethod().value(),
                URI.create(seen.getUrl()).getRawPath(), null, "probe", InetAddress.getLoopbackAddress(),
                RequestHeaders.of(headers), seen.getLoggedDate().toInstant()));
    }

    static String yaml(SigningApp app, Mode mode, Duration doubleClickWindow, Duration dwell) {
        Path scanners = projectDir().resolve("config").resolve("scanners");
        return """
                listen:
                  host: 127.0.0.1
                  port: 0
                admin:
                  host: 127.0.0.1
                  port: 0
                upstream:
                  url: "%s"
                links:
                  - path: "/sign/{token}"
                    session-cookies: [%s]
                policy:
                  mode: %s
                  gesture-dwell: %dms
                  double-click-window: %dms
                  resume-window: 10m
                detection:
                  user-agents: "%s"
                  networks: "%s"
                secret: "browser-tests-secret-0123456789-0123456789"
                """.formatted(app.baseUrl(), SigningApp.SESSION_COOKIE, mode.name().toLowerCase(Locale.ROOT), dwell.toMillis(),
                doubleClickWindow.toMillis(), scanners.resolve("user-agents.txt"), scanners.resolve("networks.txt"));
    }

    /** Over TLS (listen.tls with HTTP/2 by ALPN), configured from YAML as an operator would write it. */
    static Linkgate startTls(SigningApp app, Mode mode, Path certFile, Path keyFile) {
        String listen = "  port: 0\nadmin:";
        String yaml = yaml(app, mode, DEFAULT_DOUBLE_CLICK, DWELL).replaceFirst(listen,
                "  port: 0\n  tls:\n    cert-file: \"" + certFile + "\"\n    key-file: \"" + keyFile + "\"\nadmin:");
        Linkgate linkgate = serve(new ConfigLoader(name -> null).parse(yaml, "browser-tls-test.yaml"));
        linkgate.scheme = "https";
        return linkgate;
    }

    /** Wired as serve wires it (the same {@link LiveConfig} assembly), without the admin server. */
    private static Linkgate serve(LinkgateConfig config) {
        Clock clock = Clock.systemUTC();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ClickLedger ledger = ClickLedgers.create(config.store(), LedgerSettings.from(config.policy(), config.store()),
                clock, registry);
        LiveConfig gate = LiveConfig.assemble(config, ledger, null, clock);
        GatewayMetrics metrics = new GatewayMetrics(registry);
        try {
            GatewayServer server = GatewayServer.start(config, gate.policy(),
                    LinkMatcher.of(LinkRoutes.of(config.links())), metrics,
                    InterstitialPage.create(config.interstitial()), clock);
            return new Linkgate(server, metrics, ledger);
        } catch (RuntimeException e) {
            metrics.close();
            ledger.close();
            throw e;
        }
    }

    private static Detector detector(LinkgateConfig config) {
        return Detector.load(config.detection(), config.policy());
    }

    /** A fresh one-time link: its path on the signing app and its URL through linkgate. */
    Link newLink() {
        String path = "/sign/browser-" + UUID.randomUUID();
        // Over TLS by name: the test certificate names localhost, and a browser sends SNI only for names.
        return new Link(path, scheme + "://" + ("https".equals(scheme) ? "localhost" : "127.0.0.1") + ":" + port
                + path);
    }

    @Override
    public void close() {
        try {
            server.close(Duration.ofMillis(200));
        } finally {
            metrics.close();
            ledger.close();
        }
    }

    /** The repository root (surefire passes it; the fallback is the module's parent directory). */
    static Path projectDir() {
        String dir = System.getProperty("linkgate.project.dir");
        return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath().getParent();
    }

    record Link(String path, String url) {
    }
}
