package dev.linkgate.gateway.proxy;

import com.sun.net.httpserver.HttpServer;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 50 MB each way through the gateway while its buffer memory is sampled: streaming keeps it at a few socket
 * reads and write buffers, whereas holding a body whole (aggregating) would take at least the body's size.
 * The upstream is the JDK's HttpServer, which streams too (WireMock would keep a 50 MB request in its journal).
 */
class StreamingTest {
    private static final int SIZE = 50 * 1024 * 1024;
    /** Streaming peaks below 1 MiB here; a body held whole would be 50 MiB. */
    private static final long BOUND = 8 * 1024 * 1024;

    private HttpServer upstream;
    private GatewayHarness gateway;
    private final AtomicLong peak = new AtomicLong();
    private ScheduledExecutorService sampler;

    @BeforeEach
    void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/upload", x -> {
            CRC32 crc = new CRC32();
            long n = 0;
            try (InputStream in = x.getRequestBody()) {
                byte[] buf = new byte[64 * 1024];
                for (int r; (r = in.read(buf)) > 0; ) {
                    crc.update(buf, 0, r);
                    n += r;
                }
            }
            byte[] answer = (n + " " + crc.getValue()).getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(200, answer.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(answer);
            }
        });
        upstream.createContext("/download", x -> {
            x.sendResponseHeaders(200, SIZE);
            try (OutputStream out = x.getResponseBody(); InputStream in = new Pattern(SIZE)) {
                in.transferTo(out);
            }
        });
        upstream.start();
        TestConfig c = TestConfig.defaults();
        c.upstream = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
        c.responseTimeout = Duration.ofSeconds(20);
        gateway = GatewayHarness.start(c, ScriptedPolicy.standard());
        ByteBufAllocatorMetric metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        // The allocator is the JVM's: what earlier test classes left it holding (chunks it keeps for reuse) is
        // not this transfer's, so the peak is counted from here.
        long before = metric.usedDirectMemory() + metric.usedHeapMemory();
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(
                metric.usedDirectMemory() + metric.usedHeapMemory() - before, Math::max), 0, 2, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        sampler.shutdownNow();
        gateway.close();
        upstream.stop(0);
        ((java.util.concurrent.ExecutorService) upstream.getExecutor()).shutdownNow();
    }

    @Test
    void a50MegabyteUploadStreamsThroughWithBoundedBufferMemory() throws Exception {
        HttpResponse<String> r = gateway.send(HttpRequest.newBuilder(gateway.uri("/upload"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Pattern(SIZE))).build());

        assertEquals(200, r.statusCode());
        assertEquals(SIZE + " " + Pattern.crc(SIZE), r.body());
        assertTrue(peak.get() < BOUND, "the gateway held " + peak.get() / 1024 + " KiB of buffers at once");
    }

    @Test
    void a50MegabyteDownloadStreamsThroughWithBoundedBufferMemory() throws Exception {
        HttpResponse<InputStream> r = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/download"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofInputStream());

        CRC32 crc = new CRC32();
        long n = 0;
        try (InputStream in = r.body()) {
            byte[] buf = new byte[64 * 1024];
            for (int read; (read = in.read(buf)) > 0; ) {
                crc.update(buf, 0, read);
                n += read;
            }
        }
        assertEquals(200, r.statusCode());
        assertEquals(SIZE, n);
        assertEquals(Pattern.crc(SIZE), crc.getValue());
        assertTrue(peak.get() < BOUND, "the gateway held " + peak.get() / 1024 + " KiB of buffers at once");
    }

    /** A body made up as it is read: the test holds no 50 MB array either. */
    private static final class Pattern extends InputStream {
        private final long size;
        private long pos;

        Pattern(long size) {
            this.size = size;
        }

        static byte at(long i) {
            return (byte) (i % 251);
        }

        static long crc(long size) {
            CRC32 crc = new CRC32();
            byte[] buf = new byte[64 * 1024];
            for (long done = 0; done < size; ) {
                int n = (int) Math.min(buf.length, size - done);
                for (int i = 0; i < n; i++) {
                    buf[i] = at(done + i);
                }
                crc.update(buf, 0, n);
                done += n;
            }
            return crc.getValue();
        }

        @Override
        public int read() {
            return pos < size ? at(pos++) & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = at(pos + i);
            }
            pos += n;
            return n;
        }
    }
}
