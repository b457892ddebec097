package dev.linkgate.gateway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LeakFailExtensionTest {

    @Test
    void aBufferDroppedWithoutReleaseIsReportedAsALeak() {
        leakOne();
        boolean reported = false;
        for (int round = 0; round < 5 && !reported; round++) {
            reported = !LeakFailExtension.collectLeaks().isEmpty();
        }
        assertTrue(reported, "the detector must report the dropped buffer; else leak detection is not active");
    }

    private static void leakOne() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeInt(42);
    }
}
