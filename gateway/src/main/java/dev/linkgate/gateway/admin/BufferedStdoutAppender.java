package dev.linkgate.gateway.admin;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The access log's appender: standard output through buffers that are written out when they fill and at least
 * every {@code flushInterval}, as nginx does with {@code access_log ... buffer= flush=}.
 *
 * <p>Logback's {@code ConsoleAppender} goes through {@code System.out}, whose auto-flush makes a {@code write}
 * system call per line, under two locks the event loops take in turn. With one line per request that cost
 * 10-15 µs of CPU a request under {@code scripts/bench} (see docs/performance.md). Here each thread that logs
 * (in practice: each event loop) has its own {@link LineBuffer}, so a line is a copy into that thread's buffer
 * and the loops never wait for each other; the system call is made once per {@code bufferSize} bytes.
 *
 * <p>What it costs: a line reaches stdout up to {@code flushInterval} late (1 s by default); lines are whole and
 * in order per event loop, but two loops' lines are written in turns of up to a buffer each, so across loops the
 * output is ordered only to within the flush interval (nginx's workers behave the same). Lines still in the
 * buffers are lost if the JVM is killed without its shutdown hook (SIGKILL); an orderly stop writes them
 * ({@link #stop()}, which linkgate's shutdown runs through the logger context). Settings in logback.xml:
 * {@code <bufferSize>64KB</bufferSize>} (per event loop), {@code <flushInterval>1 second</flushInterval>}.
 */
public final class BufferedStdoutAppender<E> extends OutputStreamAppender<E> {
    static final int DEFAULT_BUFFER_SIZE = 64 * 1024;
    static final long DEFAULT_FLUSH_MILLIS = 1000;

    private int bufferSize = DEFAULT_BUFFER_SIZE;
    private long flushMillis = DEFAULT_FLUSH_MILLIS;
    private OutputStream target = new FileOutputStream(FileDescriptor.out);
    private Supplier<ScheduledExecutorService> flushers = BufferedStdoutAppender::flusherThread;
    private ScheduledExecutorService flusher;
    /** Every thread's buffer, for the periodic flush and the last one at stop. */
    private final Queue<LineBuffer> buffers = new ConcurrentLinkedQueue<>();
    /** Whole buffers are written under this lock, so two threads' bytes never mix. */
    private final Object stdoutLock = new Object();
    /**
     * The calling thread's buffer; replaced at each start. A JDK ThreadLocal, not Netty's FastThreadLocal: the
     * appender starts while logback initialises, when a Netty class's static logging would make SLF4J warn.
     */
    private volatile ThreadLocal<LineBuffer> mine = new ThreadLocal<>();
    /** The encoder writes the message and a newline: ASCII lines can be copied without encoding them first. */
    private volatile boolean fastLines;
    /** A filter was attached: every event must go through logback's filter chain. */
    private volatile boolean filtered;

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
        // Closing the appender must never close the process's stdout; what is buffered is in the LineBuffers.
        setOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        setImmediateFlush(false);
        fastLines = getEncoder() instanceof MessageLineEncoder;
        mine = new ThreadLocal<>();
        super.start();
        if (isStarted()) {
            flusher = flushers.get();
            flusher.scheduleWithFixedDelay(this::flushNow, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Copies the event's line into the calling thread's buffer. Unlike the appender it extends, it does not
     * prepare the event for deferred processing (thread name, MDC copy), nor take a lock another thread holds:
     * the line is encoded here, at once, on the caller's thread.
     */
    @Override
    protected void subAppend(E event) {
        if (!isStarted()) {
            return;
        }
        LineBuffer buffer = buffer();
        if (fastLines && event instanceof ILoggingEvent e && buffer.appendAscii(e.getFormattedMessage())) {
            return;
        }
        buffer.appendLine(getEncoder().encode(event));
    }

    /**
     * The appender to hand lines to directly, bypassing logback's event: this one, when it is the logger's only
     * appender (not additive, no turbo filter, no filter on the appender), started, and writing each message as
     * it is plus a newline ({@link MessageLineEncoder}); otherwise null, and the caller logs a message. Checked
     * on every call (a few field reads), so an appender attached or a context reset later is seen at once.
     */
    public static BufferedStdoutAppender<?> onlyAppenderOf(org.slf4j.Logger slf4j) {
        if (!(slf4j instanceof Logger logger) || logger.isAdditive()
                || !logger.getLoggerContext().getTurboFilterList().isEmpty()) {
            return null;
        }
        Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders();
        if (!appenders.hasNext()) {
            return null;
        }
        Appender<ILoggingEvent> only = appenders.next();
        if (appenders.hasNext() || !(only instanceof BufferedStdoutAppender<?> buffered) || !buffered.takesLines()) {
            return null;
        }
        return buffered;
    }

    private boolean takesLines() {
        return isStarted() && fastLines && !filtered;
    }

    /**
     * A line already encoded (UTF-8, without its newline), the same bytes {@link #subAppend} would write for a
     * message of that text: copied into the calling thread's buffer, then a newline.
     */
    public void appendLine(byte[] line, int length) {
        if (isStarted()) {
            buffer().appendLine(line, length);
        }
    }

    @Override
    public void addFilter(Filter<E> filter) {
        filtered = true;
        super.addFilter(filter);
    }

    @Override
    public void clearAllFilters() {
        super.clearAllFilters();
        filtered = false;
    }

    /** Writes out what every thread's buffer holds; the periodic flush, and callable at any time. */
    public void flushNow() {
        for (Iterator<LineBuffer> it = buffers.iterator(); it.hasNext(); ) {
            LineBuffer b = it.next();
            // Asked before the flush: a thread that ended by then can add nothing after it, while one that ends
            // during it may have added a last line, which the next flush writes.
            boolean ended = b.orphaned();
            b.flush();
            if (ended) {
                it.remove();
            }
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
        flushNow();
        buffers.clear(); // a restart gives each thread a new buffer
        super.stop();
    }

    private LineBuffer buffer() {
        ThreadLocal<LineBuffer> local = mine;
        LineBuffer b = local.get();
        if (b == null) {
            b = new LineBuffer(bufferSize, this::writeToStdout);
            buffers.add(b);
            local.set(b);
        }
        return b;
    }

    private void writeToStdout(byte[] bytes, int length) {
        synchronized (stdoutLock) {
            try {
                OutputStream out = getOutputStream();
                if (out != null) {
                    out.write(bytes, 0, length);
                }
            } catch (IOException e) {
                addError("cannot write the access log to stdout", e);
            }
        }
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
