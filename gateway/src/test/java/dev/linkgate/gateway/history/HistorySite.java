package dev.linkgate.gateway.history;

import dev.linkgate.core.config.AdminToken;
import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.LinkRoute;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.gateway.Service;
import dev.linkgate.gateway.testing.TestConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * linkgate as {@code serve} runs it ({@link Service}: ledger, link history, gateway, admin port with its token)
 * in front of the given upstream, with the built-in lists and a link that carries its send time.
 */
final class HistorySite implements AutoCloseable {
    static final String ADMIN_TOKEN = "support-desk-token-0123456789";
    /** What LinkHistories.replicaName() gives this process. */
    static final String REPLICA = dev.linkgate.gateway.store.LinkHistories.replicaName();

    private final Service service;

    HistorySite(URI upstream, StoreConfig store, Clock clock) {
        TestConfig t = TestConfig.defaults();
        t.upstream = upstream;
        // Generous: the machine running the suite may be shared with other builds; these tests are not about timeouts.
        t.connectTimeout = Duration.ofSeconds(5);
        t.responseTimeout = Duration.ofSeconds(15);
        LinkgateConfig base = t.build();
        LinkgateConfig config = new LinkgateConfig(base.listen(), base.admin(), base.upstream(), base.clientIp(),
                List.of(new LinkRoute("/sign/{token}", null), new LinkRoute("/s", "t", "ts")), base.policy(),
                DetectionConfig.defaults(), store, base.server(), base.interstitial(), base.secret(), base.logging(),
                base.edge(), new AdminToken(ADMIN_TOKEN));
        // The file is read only by a reload, which these tests never ask for.
        service = Service.start(Path.of("not-reloaded.yaml"), config, clock, () -> true);
    }

    URI link(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + service.server().port() + pathAndQuery);
    }

    String adminUrl() {
        return "http://127.0.0.1:" + service.adminPort();
    }

    double signals(String signal) {
        return service.registry().scrape().lines().filter(l -> l.startsWith("linkgate_signals_total{")
                        && l.contains("signal=\"" + signal + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Override
    public void close() {
        service.close(Duration.ofMillis(200));
    }
}
