package dev.linkgate.gateway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakFailExtensionTest {

    /**
     * The report comes only after a collection has enqueued the dropped buffer's reference, which the JVM does on
     * its own thread: under load that can take several collections, so wait for it (bounded). A report that came
     * after this test gave up would fail whichever test ran next.
     */
    @Test
    void aBufferDroppedWithoutReleaseIsReportedAsALeak() throws Exception {
        leakOne();
        boolean reported = Poll.until(Duration.ofSeconds(20), () -> !LeakFailExtension.collectLeaks().isEmpty());
        assertTrue(reported, "the detector must report the dropped buffer; else leak detection is not active");
    }

    private static void leakOne() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeInt(42);
    }
}
