package dev.linkgate.gateway.link;

import io.netty.util.concurrent.EventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/** Continues a policy stage on a connection's event loop (at once when it already completed there). */
final class OnLoop {
    private static final Logger LOG = LoggerFactory.getLogger(OnLoop.class);

    private OnLoop() {
    }

    static <T> void then(CompletionStage<T> stage, EventExecutor loop, BiConsumer<T, Throwable> action) {
        stage.whenComplete((value, error) -> {
            if (loop.inEventLoop()) {
                run(action, value, error);
            } else {
                loop.execute(() -> run(action, value, error));
            }
        });
    }

    private static <T> void run(BiConsumer<T, Throwable> action, T value, Throwable error) {
        try {
            action.accept(value, error);
        } catch (RuntimeException e) {
            LOG.error("link flow step failed: {}", e.getClass().getName(), e);
        }
    }
}
