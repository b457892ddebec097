package dev.linkgate.gateway;

import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.token.ContinueTokens;
import dev.linkgate.gateway.admin.GatewayMetrics;
import dev.linkgate.gateway.explain.ExplainCommand;
import dev.linkgate.gateway.link.LinkDecider;
import dev.linkgate.gateway.link.LinkMatcher;
import dev.linkgate.gateway.page.InterstitialPage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar linkgate.jar [--config FILE]} serves; {@code check-config FILE} validates;
 * {@code explain --config FILE} explains decisions for requests read from stdin; {@code --version}.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final Path DEFAULT_CONFIG = Path.of("config/linkgate.yaml");

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && "--version".equals(args[0])) {
                out.println("linkgate " + version());
                return 0;
            }
            if (args.length == 2 && "check-config".equals(args[0])) {
                load(Path.of(args[1]));
                out.println("config ok: " + args[1]);
                return 0;
            }
            if (args.length >= 1 && "explain".equals(args[0])) {
                ExplainCommand.run(load(configPath(args, 1)), System.in, out);
                return 0;
            }
            serve(load(configPath(args, 0)));
            return 0;
        } catch (IllegalArgumentException e) {
            // TODO(config merge): catch ConfigException, whose message is the one-line explanation.
            err.println("linkgate: " + e.getMessage());
            return 2;
        }
    }

    private static Path configPath(String[] args, int from) {
        if (args.length == from) {
            return DEFAULT_CONFIG;
        }
        if (args.length == from + 2 && "--config".equals(args[from])) {
            return Path.of(args[from + 1]);
        }
        throw new IllegalArgumentException("usage: linkgate [--config FILE] | check-config FILE | explain --config FILE | --version");
    }

    private static void serve(LinkgateConfig config) {
        Clock clock = Clock.systemUTC();
        ClickLedger ledger = new InMemoryClickLedger(LedgerSettings.from(config.policy(), config.store()), clock);
        ContinueTokens tokens = new ContinueTokens(config.secret().bytes(), config.policy().continueTtl(), clock);
        // TODO(detect merge): build the detector from config.detection().
        ClickPolicy policy = new ClickPolicy(config.policy(), new Detector(), ledger, tokens, clock);
        GatewayMetrics metrics = new GatewayMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        // TODO(config merge): LinkRoutes.of(config.links())::match. TODO(page merge): AdminServer on config.admin().
        LinkMatcher links = LinkMatcher.NONE;
        GatewayServer server = GatewayServer.start(config, LinkDecider.of(policy), links, metrics,
                InterstitialPage.create(config.interstitial()), clock);
        LOG.info("linkgate {} listening on {} ({}), admin on {}:{}, upstream {}, mode {}", version(), server.address(),
                server.transport(), config.admin().host(), config.admin().port(), config.upstream().url(),
                config.policy().mode().name().toLowerCase(java.util.Locale.ROOT));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: draining requests in flight for up to {}", config.server().drainTimeout());
            server.close(config.server().drainTimeout());
            ledger.close();
            stopped.countDown();
        }, "linkgate-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LinkgateConfig load(Path file) {
        // TODO(config merge): return ConfigLoader.load(file);
        throw new IllegalArgumentException("cannot read " + file + ": configuration loading is not built yet");
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
