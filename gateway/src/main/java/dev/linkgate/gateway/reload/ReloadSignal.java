package dev.linkgate.gateway.reload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.ExecutorService;

/**
 * SIGHUP reloads the config, as it does for every edge proxy; without this handler the JVM treats it as a
 * request to stop. The signal's thread only hands the reload to {@code runner}, so a slow file system never
 * holds up signal delivery. {@code sun.misc.Signal} is the JDK's only way to catch a signal (jdk.unsupported).
 */
public final class ReloadSignal {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadSignal.class);

    private ReloadSignal() {
    }

    /** While starting: a SIGHUP is logged and ignored (there is nothing to reload yet), never a stop. */
    public static void ignoreWhileStarting() {
        handle(sig -> LOG.warn("SIGHUP while starting: ignored; send it again once linkgate is listening"));
    }

    /** @return false when the platform has no SIGHUP (the handler is then not installed) */
    public static boolean install(ConfigReload reload, ExecutorService runner) {
        return handle(sig -> runner.execute(reload::reload));
    }

    private static boolean handle(sun.misc.SignalHandler handler) {
        try {
            Signal.handle(new Signal("HUP"), handler);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGHUP cannot be handled here ({}): reload with POST /reload on the admin port", e.getMessage());
            return false;
        }
    }
}
