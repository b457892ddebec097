package dev.linkgate.gateway.history;

import dev.linkgate.core.config.AdminToken;
import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.LinkRoute;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.history.LinkHistory;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.core.token.ContinueTokens;
import dev.linkgate.gateway.GatewayServer;
import dev.linkgate.gateway.admin.AdminGuard;
import dev.linkgate.gateway.admin.AdminServer;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.link.HistoryRecorder;
import dev.linkgate.gateway.link.LinkDecider;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.store.ClickLedgers;
import dev.linkgate.gateway.store.LinkHistories;
import dev.linkgate.gateway.testing.TestConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A gateway and its admin port wired as Main wires them (detector with the shipped lists and the links' send
 * times, ledger, link history, admin token) in front of the given upstream.
 */
final class HistorySite implements AutoCloseable {
    static final String ADMIN_TOKEN = "support-desk-token-0123456789";
    static final String REPLICA = "replica-test-1";

    final GatewayServer gateway;
    final AdminServer admin;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GatewayMetrics metrics = new GatewayMetrics(registry);
    private final ClickLedger ledger;
    private final LinkHistory history;

    HistorySite(URI upstream, StoreConfig store, Clock clock) throws Exception {
        TestConfig t = TestConfig.defaults();
        t.upstream = upstream;
        // Generous: the machine running the suite may be shared with other builds; these tests are not about timeouts.
        t.connectTimeout = Duration.ofSeconds(5);
        t.responseTimeout = Duration.ofSeconds(15);
        LinkgateConfig base = t.build();
        LinkgateConfig config = new LinkgateConfig(base.listen(), base.admin(), base.upstream(), base.clientIp(),
                List.of(new LinkRoute("/sign/{token}", null), new LinkRoute("/s", "t", "ts")), base.policy(),
                DetectionConfig.defaults(), store, base.server(), base.interstitial(), base.secret(), base.logging(),
                new AdminToken(ADMIN_TOKEN));
        Detector detector = Detector.load(config.detection(), config.policy(), config.links());
        ledger = ClickLedgers.create(store, LedgerSettings.from(config.policy(), store), clock, registry);
        history = LinkHistories.create(store, config.policy().linkTtl(), clock, REPLICA);
        ClickPolicy policy = new ClickPolicy(config.policy(), detector, ledger,
                new ContinueTokens(config.secret().bytes(), config.policy().continueTtl(), clock), clock);
        LinkRoutes routes = LinkRoutes.of(config.links());
        gateway = GatewayServer.start(config, LinkDecider.of(policy), routes::match, metrics,
                InterstitialPage.create(config.interstitial()), clock, new HistoryRecorder(history, REPLICA));
        admin = AdminServer.start(config.admin(), registry, () -> true,
                new LinkHistoryRoutes(history, routes, new AdminGuard(config.adminToken())));
    }

    URI link(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    String adminUrl() {
        return "http://127.0.0.1:" + admin.port();
    }

    double signals(String signal) {
        return registry.scrape().lines().filter(l -> l.startsWith("linkgate_signals_total{")
                        && l.contains("signal=\"" + signal + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        gateway.close(Duration.ofMillis(200));
        admin.close();
        metrics.close();
        ledger.close();
        history.close();
    }
}
