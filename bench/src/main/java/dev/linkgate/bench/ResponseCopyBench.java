package dev.linkgate.bench;

import dev.linkgate.core.ledger.SharedResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A first click's response copy built from the upstream's head bytes, as the gateway builds it for every first
 * click (a signing app's 302 with its session cookie and the usual fields).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResponseCopyBench {
    private byte[] head;
    private final List<int[]> fields = new ArrayList<>();
    private final byte[] body = new byte[0];

    @Setup
    public void setUp() {
        String text = "Location: https://sign.example.com/envelope/7f3a9c2e/view?step=review&lang=en\r\n"
                + "Set-Cookie: session=Zm9vYmFyYmF6cXV4cXV1eHh5enp5MTIzNDU2Nzg5MA; Path=/; Secure; HttpOnly; SameSite=Lax\r\n"
                + "Cache-Control: no-store, no-cache, must-revalidate\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Date: Thu, 03 Dec 2026 02:20:00 GMT\r\n"
                + "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n"
                + "X-Request-Id: 5b0e0c4e-8d1f-4a63-9a6e-2f3c1d7b8a90\r\n";
        head = text.getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < head.length) {
            int colon = text.indexOf(':', at);
            int end = text.indexOf("\r\n", at);
            fields.add(new int[] {at, colon, colon + 2, end});
            at = end + 2;
        }
    }

    @Benchmark
    public SharedResponse fromHeadBytes() {
        SharedResponse.Builder b = new SharedResponse.Builder();
        for (int[] f : fields) {
            b.field(head, f[0], f[1], f[2], f[3]);
        }
        return b.build(302, body, 0);
    }
}
