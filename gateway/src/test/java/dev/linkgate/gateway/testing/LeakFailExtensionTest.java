package dev.linkgate.gateway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

class LeakFailExtensionTest {

    @Test
    void aBufferDroppedWithoutReleaseIsReportedAsALeak() {
        leakOne();
        assertFalse(LeakFailExtension.collectLeaks().isEmpty(),
                "the detector must report the dropped buffer; else leak detection is not active");
    }

    private static void leakOne() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeInt(42);
    }
}
