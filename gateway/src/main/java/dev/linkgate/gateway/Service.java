package dev.linkgate.gateway;

import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.request.LinkRoutes;
import dev.linkgate.core.history.LinkHistory;
import dev.linkgate.gateway.admin.AdminGuard;
import dev.linkgate.gateway.admin.AdminServer;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.admin.ReloadAnswer;
import dev.linkgate.gateway.link.LinkMatcher;
import dev.linkgate.gateway.reload.ConfigReload;
import dev.linkgate.gateway.reload.LiveConfig;
import dev.linkgate.gateway.history.LinkHistoryRoutes;
import dev.linkgate.gateway.link.HistoryRecorder;
import dev.linkgate.gateway.store.ClickLedgers;
import dev.linkgate.gateway.store.LinkHistories;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * linkgate serving from a config file: the ledger, the live config around it, the gateway, config reloads and
 * the admin port. What {@code serve} runs, and what tests start to exercise the whole process.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private final LinkgateConfig config;
    private final PrometheusMeterRegistry registry;
    private final GatewayMetrics metrics;
    private final ClickLedger ledger;
    private final GatewayServer server;
    private final ConfigReload reload;
    private final ExecutorService reloads;
    private AdminServer admin;

    private final LinkHistory history;

    private Service(LinkgateConfig config, PrometheusMeterRegistry registry, GatewayMetrics metrics, ClickLedger ledger,
                    GatewayServer server, ConfigReload reload, ExecutorService reloads, LinkHistory history) {
        this.history = history;
        this.config = config;
        this.registry = registry;
        this.metrics = metrics;
        this.ledger = ledger;
        this.server = server;
        this.reload = reload;
        this.reloads = reloads;
    }

    /**
     * Starts serving {@code config}, read from {@code file} (which reloads re-read).
     *
     * @param ready what {@code /readyz} answers once started
     * @throws IllegalStateException when an address cannot be bound (everything started is stopped again)
     */
    public static Service start(Path file, LinkgateConfig config, Clock clock, BooleanSupplier ready) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        GatewayMetrics metrics = new GatewayMetrics(registry);
        ClickLedger ledger = ClickLedgers.create(config.store(), LedgerSettings.from(config.policy(), config.store()),
                clock, registry);
        LiveConfig live = LiveConfig.assemble(config, ledger, null, clock);
        // Like the ledger, the link history outlives reloads (store.* needs a restart).
        String replica = LinkHistories.replicaName();
        LinkHistory history = LinkHistories.create(config.store(), config.policy().linkTtl(), clock, replica);
        GatewayServer server;
        try {
            server = GatewayServer.start(live, LinkMatcher.of(LinkRoutes.of(config.links())), metrics, clock,
                    new HistoryRecorder(history, replica));
        } catch (RuntimeException e) {
            metrics.close();
            ledger.close();
            history.close();
            throw e;
        }
        ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "linkgate-reload");
            t.setDaemon(true);
            return t;
        });
        // The loader's one warning is "no secret configured: using a random one", which is not what a reload
        // does (RestartKeys keeps the running secret), so a reload says that instead.
        ConfigLoader reloadLoader = new ConfigLoader(System::getenv,
                warning -> LOG.info("{} has no secret: the reload keeps the running one", file));
        ConfigReload reload = new ConfigReload(file, reloadLoader::load, live, ledger, server::apply, registry, clock);
        Service service = new Service(config, registry, metrics, ledger, server, reload, reloads, history);
        try {
            service.admin = AdminServer.start(config.admin(), registry, ready, service::reloadAsync,
                    new AdminGuard(() -> service.server().live().config().adminToken()),
                    new LinkHistoryRoutes(history, LinkRoutes.of(config.links())));
        } catch (Exception e) {
            service.close(java.time.Duration.ZERO);
            throw new IllegalStateException("cannot listen on " + config.admin().host() + ":" + config.admin().port()
                    + " (admin): " + e.getMessage(), e);
        }
        return service;
    }

    /** Runs a reload on the reload thread (one at a time, whatever asked for it). */
    public CompletionStage<ReloadAnswer> reloadAsync() {
        return CompletableFuture.supplyAsync(() -> {
            ConfigReload.Result r = reload.reload();
            return new ReloadAnswer(r.applied(), r.describe(reload.file()));
        }, reloads);
    }

    public ConfigReload reload() {
        return reload;
    }

    ExecutorService reloadThread() {
        return reloads;
    }

    public GatewayServer server() {
        return server;
    }

    public int adminPort() {
        return admin.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        close(server.live().config().server().drainTimeout());
    }

    /** Stops accepting, drains requests in flight for up to {@code drain}, then stops everything. */
    public void close(java.time.Duration drain) {
        server.close(drain);
        if (admin != null) {
            admin.close();
        }
        reloads.shutdownNow();
        metrics.close();
        ledger.close();
        history.close();
    }
}
