package dev.linkgate.gateway.store;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisEndpointTest {
    @Test
    void oneRedisServer() {
        RedisEndpoint e = RedisEndpoint.parse("redis://127.0.0.1:6379/2");
        assertFalse(e.cluster());
        RedisURI node = e.nodes().get(0);
        assertEquals("127.0.0.1", node.getHost());
        assertEquals(6379, node.getPort());
        assertEquals(2, node.getDatabase());
    }

    @Test
    void tlsIsTheRedissScheme() {
        RedisEndpoint e = RedisEndpoint.parse("rediss://:secret@cache.internal:6380");
        assertFalse(e.cluster());
        assertTrue(e.nodes().get(0).isSsl());
    }

    @Test
    void sentinelsNameTheMaster() {
        RedisEndpoint e = RedisEndpoint.parse("redis-sentinel://s1:26379,s2:26379,s3:26379/0#linkgate");
        assertFalse(e.cluster(), "Sentinel is one logical server, followed by the client");
        RedisURI uri = e.nodes().get(0);
        assertEquals("linkgate", uri.getSentinelMasterId());
        assertEquals(3, uri.getSentinels().size());
    }

    @Test
    void severalHostsOnAPlainSchemeAreACluster() {
        RedisEndpoint e = RedisEndpoint.parse("redis://n1:7000,n2:7001,n3");
        assertTrue(e.cluster());
        assertEquals(List.of("n1:7000", "n2:7001", "n3:6379"),
                e.nodes().stream().map(u -> u.getHost() + ":" + u.getPort()).toList());
    }

    @Test
    void aUriWithoutSchemeIsRejectedWithoutItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisEndpoint.parse("user:hunter2@10.0.0.1:6379"));
        assertTrue(e.getMessage().contains("scheme"), e.getMessage());
        assertEquals("redis://***@h:1", RedisEndpoint.redact("redis://u:hunter2@h:1"));
    }

    @Test
    void aKeyPrefixWithBracesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RedisKeys("app:{x}:"));
    }
}
