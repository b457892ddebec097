package dev.linkgate.gateway.http1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Jazzer over linkgate's HTTP/1.1 parser, seeded with the corpus. In every build this replays the corpus (and
 * any inputs kept under {@code RequestParserFuzzTestInputs/}); fuzzing it for {@code maxDuration} is the command
 * in docs/performance.md ({@code JAZZER_FUZZ=1}, and {@code -Djazzer.hooks=true} in the test JVM's arguments,
 * which junit-platform.properties turns off for the replay). Properties, for any bytes: the parser answers with
 * requests or a 4xx/505 and throws nothing else; it sees the same whatever pieces the bytes arrive in; it never
 * accepts what Netty's decoder refuses, and where both accept they see the same requests; every head it accepts
 * is written for the upstream as a head it accepts again; no buffer leaks (paranoid leak detection,
 * LeakFailExtension).
 */
class RequestParserFuzzTest {

    static Stream<Arguments> corpus() {
        return Corpus.load().cases().stream().map(c -> Arguments.of((Object) c.bytes()));
    }

    @MethodSource("corpus")
    @FuzzTest(maxDuration = "5m")
    void anyBytesGetRequestsOrAStatusAndNothingNettyRefuses(byte[] input) {
        Outcome whole = NewParserRun.run(input, Integer.MAX_VALUE);
        int step = 1 + (Arrays.hashCode(input) & 0x3F);
        assertEquals(whole, NewParserRun.run(input, step), "fed " + step + " bytes at a time");
        Outcome netty = NettyReference.run(input);
        if (whole.accepted() && netty.rejected()) {
            fail("linkgate's parser accepts what Netty refuses: " + netty.why());
        }
        if (whole.accepted() && !netty.requests().equals(whole.requests())) {
            fail("both accept but see different requests:\n  netty: " + netty.requests() + "\n  ours:  "
                    + whole.requests());
        }
        writtenHeadsParseAgain(input);
    }

    /** Each head the parser accepts, written for the upstream, is a head it accepts, with the same framing. */
    private static void writtenHeadsParseAgain(byte[] input) {
        RequestHeadParser parser = new RequestHeadParser(1 << 20, 1 << 20);
        HeadWriter writer = new HeadWriter("upstream.internal:8081", false);
        ByteBuf in = Unpooled.wrappedBuffer(input);
        try {
            RequestHead head;
            while ((head = parser.parse(in)) != null) {
                ByteBuf written = writer.write(head, "203.0.113.9", true, Set.of("sid"), ByteBufAllocator.DEFAULT);
                try {
                    RequestHead again = new RequestHeadParser(1 << 20, 1 << 20).parse(written);
                    assertNotNull(again, "a written head is complete");
                    assertEquals(head.framing(), again.framing());
                    assertEquals(head.contentLength(), again.contentLength());
                    assertEquals(head.method(), again.method());
                } catch (RequestRejected e) {
                    fail("linkgate writes a head it refuses: " + e.reason());
                } finally {
                    written.release();
                }
                if (head.hasBody()) {
                    return;
                }
            }
        } catch (RequestRejected e) {
            // refused input: nothing to write
        } finally {
            in.release();
        }
    }
}
