package dev.linkgate.gateway.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.history.InMemoryLinkHistory;
import dev.linkgate.core.history.LinkHistory;
import dev.linkgate.core.request.LinkId;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkHistoriesTest {
    private static final Duration TTL = Duration.ofHours(72);

    @Test
    void zeroEventsTurnsHistoryOffWhateverTheStore() throws Exception {
        for (StoreConfig.Type type : StoreConfig.Type.values()) {
            LinkHistory h = LinkHistories.create(new StoreConfig(type, 10, RedisConfig.defaults(),
                    StoreConfig.OnFailure.LOCAL, StoreConfig.defaults().maxCopyMemory(), 0), TTL, Clock.systemUTC(),
                    "r");
            assertSame(LinkHistory.OFF, h);
            assertFalse(h.enabled());
            assertFalse(h.story(LinkId.of("x")).toCompletableFuture().get().isPresent());
        }
    }

    @Test
    void theMemoryStoreKeepsHistoryInThisProcess() {
        LinkHistory h = LinkHistories.create(StoreConfig.defaults(), TTL, Clock.systemUTC(), "r");
        assertInstanceOf(InMemoryLinkHistory.class, h);
    }
}
