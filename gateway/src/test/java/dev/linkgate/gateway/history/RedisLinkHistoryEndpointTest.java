package dev.linkgate.gateway.history;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.gateway.store.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLinkHistoryEndpointTest extends LinkHistoryEndpointContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Override
    StoreConfig store() {
        return new StoreConfig(StoreConfig.Type.REDIS, 10_000,
                new RedisConfig(redis.uri(), Duration.ofSeconds(2), "hist-" + System.nanoTime() + ":"),
                StoreConfig.OnFailure.LOCAL, StoreConfig.defaults().maxCopyMemory(), 8);
    }
}
