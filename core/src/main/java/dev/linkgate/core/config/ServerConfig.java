package dev.linkgate.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * server: HTTP limits and timeouts of the client side. Sizes are below 2GiB, as Netty takes ints.
 *
 * @param maxRequestLine  longest request line (414 beyond)
 * @param maxHeaderSize   largest header block (431 beyond)
 * @param headerTimeout   a request's headers must arrive within this (408 beyond): slow-header defence
 * @param idleTimeout     an idle keep-alive connection is closed after this
 * @param drainTimeout    on SIGTERM, in-flight requests get this long to finish
 * @param maxCoalesceBody the largest response copied to a double click (larger: the interstitial)
 * @param ioThreads       event-loop threads serving connections ({@code io-threads}), or {@link #AUTO_THREADS}:
 *                        as many as the processors the JVM sees
 * @param transport       the kernel interface the event loops use ({@code transport})
 */
public record ServerConfig(DataSize maxRequestLine, DataSize maxHeaderSize, Duration headerTimeout,
                           Duration idleTimeout, Duration drainTimeout, DataSize maxCoalesceBody, int ioThreads,
                           Transport transport) {
    /** {@code io-threads: auto}: one event loop per processor the JVM sees (its CPU quota in a container). */
    public static final int AUTO_THREADS = 0;
    /** More loops than this is a mistake in the file, not a tuning. */
    public static final int MAX_IO_THREADS = 1024;

    /**
     * {@code server.transport}: how the event loops talk to the kernel. {@code auto} takes io_uring where the kernel
     * and the sandbox allow it, epoll otherwise, and Java's NIO where neither native library loads.
     */
    public enum Transport {
        AUTO("auto"), IO_URING("io_uring"), EPOLL("epoll"), NIO("nio");

        private final String spelling;

        Transport(String spelling) {
            this.spelling = spelling;
        }

        /** As written in the config file. */
        public String spelling() {
            return spelling;
        }
    }

    /** With {@code transport: auto}. */
    public ServerConfig(DataSize maxRequestLine, DataSize maxHeaderSize, Duration headerTimeout,
                        Duration idleTimeout, Duration drainTimeout, DataSize maxCoalesceBody, int ioThreads) {
        this(maxRequestLine, maxHeaderSize, headerTimeout, idleTimeout, drainTimeout, maxCoalesceBody, ioThreads,
                Transport.AUTO);
    }

    /** With {@code io-threads: auto} and {@code transport: auto}. */
    public ServerConfig(DataSize maxRequestLine, DataSize maxHeaderSize, Duration headerTimeout,
                        Duration idleTimeout, Duration drainTimeout, DataSize maxCoalesceBody) {
        this(maxRequestLine, maxHeaderSize, headerTimeout, idleTimeout, drainTimeout, maxCoalesceBody, AUTO_THREADS);
    }

    public ServerConfig {
        if (ioThreads < AUTO_THREADS || ioThreads > MAX_IO_THREADS) {
            throw new IllegalArgumentException("io-threads must be auto or 1 to " + MAX_IO_THREADS);
        }
        Objects.requireNonNull(transport, "transport");
        DataSize.requireIntLimit(maxRequestLine, "max-request-line");
        DataSize.requireIntLimit(maxHeaderSize, "max-header-size");
        Durations.requirePositive(headerTimeout, "header-timeout");
        Durations.requirePositive(idleTimeout, "idle-timeout");
        Durations.requirePositive(drainTimeout, "drain-timeout");
        DataSize.requireIntLimit(maxCoalesceBody, "max-coalesce-body");
    }

    public static ServerConfig defaults() {
        return new ServerConfig(ConfigDefaults.MAX_REQUEST_LINE, ConfigDefaults.MAX_HEADER_SIZE,
                ConfigDefaults.HEADER_TIMEOUT, ConfigDefaults.IDLE_TIMEOUT, ConfigDefaults.DRAIN_TIMEOUT,
                ConfigDefaults.MAX_COALESCE_BODY);
    }

    /** The event loops to start: {@link #ioThreads}, or the processors the JVM sees when it is auto. */
    public int eventLoops() {
        return ioThreads == AUTO_THREADS ? Runtime.getRuntime().availableProcessors() : ioThreads;
    }

    /**
     * This config with the running one's {@code io-threads} and {@code transport}: a reload keeps the running event
     * loops, which are started once.
     */
    public ServerConfig withStartOnly(ServerConfig running) {
        return new ServerConfig(maxRequestLine, maxHeaderSize, headerTimeout, idleTimeout, drainTimeout,
                maxCoalesceBody, running.ioThreads, running.transport);
    }
}
