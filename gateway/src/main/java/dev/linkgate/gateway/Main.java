package dev.linkgate.gateway;

import dev.linkgate.core.config.ConfigException;
import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.detect.ScannerListException;
import dev.linkgate.gateway.admin.LogFormat;
import dev.linkgate.gateway.explain.ExplainCommand;
import dev.linkgate.gateway.history.HistoryCommand;
import dev.linkgate.gateway.page.InterstitialPage;
import dev.linkgate.gateway.reload.LiveConfig;
import dev.linkgate.gateway.reload.ReloadSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar linkgate.jar [--config FILE]} serves (default {@code config/linkgate.yaml});
 * {@code check-config FILE} validates; {@code explain --config FILE} explains decisions for requests on stdin;
 * {@code --version}; {@code --help} and {@code COMMAND --help} print {@link Usage} to stdout. A bad
 * configuration exits 2 with its one-line explanation, an address in use exits 1.
 * SIGTERM and SIGINT stop accepting, drain requests in flight for {@code server.drain-timeout}, and exit 0;
 * SIGHUP re-reads the config file (as {@code POST /reload} on the admin port does).
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    static final Path DEFAULT_CONFIG = Path.of("config/linkgate.yaml");
    /** Netty's system property: one buffer in this many is tracked by its leak detector (Netty's default: 128). */
    static final String LEAK_SAMPLING = "io.netty.leakDetection.samplingInterval";
    /**
     * linkgate's default for {@link #LEAK_SAMPLING}. Each tracked buffer costs two stack walks (at allocation and
     * at release), which JFR does not even show; at 128 they cost 3-10% of the CPU a request on the bench. Every
     * test runs with every buffer tracked and fails on a leak; in service one in 4096 still names a leaking path
     * within seconds at a few thousand requests a second.
     */
    static final String SERVING_LEAK_SAMPLING = "4096";

    private Main() {
    }

    /** The status the JVM ends with once the shutdown hook has drained: 0 for a signal, else what main chose. */
    private static volatile int exitStatus;

    public static void main(String[] args) {
        // Before any Netty class reads it; an operator's -D wins.
        leakSampling(System.getProperties());
        int code = run(args, System.out, System.err);
        if (code != 0) {
            exitStatus = code;
            System.exit(code);
        }
    }

    /** Sets linkgate's leak-detector sampling unless the operator set one. */
    static void leakSampling(Properties system) {
        if (system.getProperty(LEAK_SAMPLING) == null) {
            system.setProperty(LEAK_SAMPLING, SERVING_LEAK_SAMPLING);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String help = Usage.helpFor(args);
        if (help != null) {
            out.print(help);
            out.flush();
            return 0;
        }
        try {
            if (args.length == 1 && "--version".equals(args[0])) {
                out.println("linkgate " + version());
                return 0;
            }
            if (args.length == 2 && "check-config".equals(args[0])) {
                LinkgateConfig config = load(Path.of(args[1]));
                LiveConfig.detector(config);
                InterstitialPage.create(config.interstitial());
                EdgeCheck.certificates(config);
                out.println("config ok: " + args[1]);
                return 0;
            }
            if (args.length >= 1 && "history".equals(args[0])) {
                return HistoryCommand.run(args, out, err);
            }
            if (args.length >= 1 && "explain".equals(args[0])) {
                return ExplainCommand.run(load(configPath(args, 1)), System.in, out);
            }
            Path file = configPath(args, 0);
            serve(file, load(file));
            return 0;
        } catch (ConfigException | ScannerListException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("linkgate: " + e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            err.println("linkgate: " + e.getMessage());
            return 1;
        }
    }

    private static Path configPath(String[] args, int from) {
        if (args.length == from) {
            return DEFAULT_CONFIG;
        }
        if (args.length == from + 2 && "--config".equals(args[from])) {
            return Path.of(args[from + 1]);
        }
        throw new IllegalArgumentException(Usage.SHORT);
    }

    private static void serve(Path file, LinkgateConfig config) {
        // The hook is in place before /readyz says ready: a stop from then on always drains.
        Lifecycle lifecycle = new Lifecycle();
        Service[] running = new Service[1];
        lifecycle.onStop(() -> {
            if (running[0] != null) {
                LOG.info("stopping: no new connections; draining requests in flight for up to {}",
                        running[0].server().live().config().server().drainTimeout());
                running[0].close();
                LOG.info("stopped");
            }
            // The access log is buffered (BufferedStdoutAppender): stopping the logger context writes what it
            // holds before the JVM halts.
            if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logs) {
                logs.stop();
            }
        });
        ReloadSignal.ignoreWhileStarting();
        Service service = Service.start(file, config, Clock.systemUTC(), lifecycle::ready);
        running[0] = service;
        ReloadSignal.install(service.reload(), service.reloadThread());
        GatewayServer server = service.server();
        LOG.info("linkgate {} listening on {}:{} ({}), admin on {}:{}, upstream {}, mode {}; SIGHUP or POST /reload"
                        + " re-reads {}", version(), server.address().getHostString(), server.port(),
                server.transport(), config.admin().host(), service.adminPort(), config.upstream().url(),
                config.policy().mode().name().toLowerCase(Locale.ROOT), file);
        lifecycle.awaitStop();
    }

    /** Loads the file and applies its logging.format; warnings are logged once that format is in place. */
    private static LinkgateConfig load(Path file) {
        List<String> warnings = new ArrayList<>();
        LinkgateConfig config = new ConfigLoader(System::getenv, warnings::add).load(file);
        LogFormat.apply(config.logging().format());
        warnings.forEach(LOG::warn);
        return config;
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Shutdown on SIGTERM/SIGINT: the JVM runs the hook, which drains and then halts with status 0, so an
     * orderly stop exits 0 (the JVM would otherwise report 143/130 for the signal); a failed start that
     * calls System.exit keeps its own status.
     */
    private static final class Lifecycle {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile boolean stopping;

        boolean ready() {
            return !stopping;
        }

        void onStop(Runnable stop) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                try {
                    stop.run();
                } finally {
                    stopped.countDown();
                }
                Runtime.getRuntime().halt(exitStatus);
            }, "linkgate-shutdown"));
        }

        void awaitStop() {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
