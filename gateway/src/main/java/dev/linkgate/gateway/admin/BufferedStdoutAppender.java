package dev.linkgate.gateway.admin;

import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The access log's appender: standard output through a buffer that is written out when it fills and at least
 * every {@code flushInterval}, as nginx does with {@code access_log ... buffer= flush=}.
 *
 * <p>Logback's {@code ConsoleAppender} goes through {@code System.out}, whose auto-flush makes a {@code write}
 * system call per line, under two locks the event loops take in turn. With one line per request that cost
 * 10-15 µs of CPU a request under {@code scripts/bench} (see docs/performance.md). Here a line is a copy into
 * the buffer under logback's own lock, and the system call is made once per {@code bufferSize} bytes.
 *
 * <p>What it costs: a line reaches stdout up to {@code flushInterval} late (1 s by default), and lines still in
 * the buffer are lost if the JVM is killed without its shutdown hook (SIGKILL); an orderly stop writes them
 * ({@link #stop()}, which linkgate's shutdown runs through the logger context). Settings in logback.xml:
 * {@code <bufferSize>64KB</bufferSize>}, {@code <flushInterval>1 second</flushInterval>}.
 */
public final class BufferedStdoutAppender<E> extends OutputStreamAppender<E> {
    static final int DEFAULT_BUFFER_SIZE = 64 * 1024;
    static final long DEFAULT_FLUSH_MILLIS = 1000;

    private int bufferSize = DEFAULT_BUFFER_SIZE;
    private long flushMillis = DEFAULT_FLUSH_MILLIS;
    private OutputStream target = new FileOutputStream(FileDescriptor.out);
    private Supplier<ScheduledExecutorService> flushers = BufferedStdoutAppender::flusherThread;
    private ScheduledExecutorService flusher;

    public void setBufferSize(FileSize size) {
        long bytes = size.getSize();
        if (bytes < 1 || bytes > 16L * 1024 * 1024) {
            throw new IllegalArgumentException("bufferSize must be between 1 byte and 16MB, not " + size);
        }
        this.bufferSize = (int) bytes;
    }

    public void setFlushInterval(Duration interval) {
        long millis = interval.getMilliseconds();
        if (millis < 1) {
            throw new IllegalArgumentException("flushInterval must be at least 1 millisecond, not " + interval);
        }
        this.flushMillis = millis;
    }

    int bufferSize() {
        return bufferSize;
    }

    long flushMillis() {
        return flushMillis;
    }

    /** Tests: where the bytes go instead of file descriptor 1, and what runs the periodic flush. */
    void redirect(OutputStream target, Supplier<ScheduledExecutorService> flushers) {
        this.target = target;
        this.flushers = flushers;
    }

    @Override
    public void start() {
        // Closing the appender flushes the buffer but must never close the process's stdout.
        setOutputStream(new BufferedOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, bufferSize));
        setImmediateFlush(false);
        super.start();
        if (isStarted()) {
            flusher = flushers.get();
            flusher.scheduleWithFixedDelay(this::flushNow, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Writes the event's bytes into the buffer. Unlike the appender it extends, it does not prepare the event for
     * deferred processing (thread name, MDC copy): the line is encoded here, at once, on the caller's thread.
     */
    @Override
    protected void subAppend(E event) {
        if (!isStarted()) {
            return;
        }
        try {
            writeOut(event);
        } catch (IOException e) {
            addError("cannot write the access log to stdout", e);
        }
    }

    /** Writes out what the buffer holds; the periodic flush, and callable at any time. */
    public void flushNow() {
        streamWriteLock.lock();
        try {
            OutputStream out = getOutputStream();
            if (out != null && isStarted()) {
                out.flush();
            }
        } catch (IOException e) {
            addError("cannot write the access log to stdout", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
        super.stop(); // closes the stream: the buffer is written out
    }

    private static ScheduledExecutorService flusherThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "linkgate-access-log-flush");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
