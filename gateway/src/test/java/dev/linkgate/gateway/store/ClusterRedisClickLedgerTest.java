package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.ClickLedgerContract;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.ledger.Visit;
import dev.linkgate.core.testing.MutableClock;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import dev.linkgate.gateway.testing.Poll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract on Redis Cluster (one node holding every slot): Cluster refuses a script whose keys are in
 * different slots, so this proves the hash tags, and that the Cluster client is chosen by a list of hosts.
 */
class ClusterRedisClickLedgerTest extends ClickLedgerContract {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension(
            "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-announce-ip", "127.0.0.1");

    @BeforeAll
    static void assignAllSlots() throws Exception {
        RedisClient admin = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = admin.connect()) {
            c.sync().clusterAddSlotsRange(Range.create(0, 16383));
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> c.sync().clusterInfo().contains("cluster_state:ok")),
                    "cluster did not become ok");
        } finally {
            admin.shutdown(Duration.ofMillis(50), Duration.ofSeconds(2));
        }
    }

    @Override
    protected ClickLedger newLedger(LedgerSettings settings, MutableClock clock) {
        String seeds = "redis://127.0.0.1:" + redis.port() + ",127.0.0.1:" + redis.port();
        assertTrue(RedisEndpoint.parse(seeds).cluster());
        return new RedisClickLedger(new RedisConfig(seeds, Duration.ofSeconds(2), "c:"), settings, clock);
    }

    @Test
    void theSizeEstimateWorksOnCluster() {
        await(ledger.visit(new Visit(newLink(), ALICE, NET_A, true, true)));
        assertTrue(await(((RedisClickLedger) ledger).refreshSize()) >= 1);
        assertEquals(true, await(ledger.spendNonce("cluster-nonce-" + System.nanoTime(),
                clock.instant().plusSeconds(60))));
    }
}
