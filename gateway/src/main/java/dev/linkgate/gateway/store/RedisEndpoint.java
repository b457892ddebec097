package dev.linkgate.gateway.store;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterURIUtil;

import java.net.URI;
import java.util.List;

/**
 * What {@code store.redis.uri} names. Lettuce's own URI forms decide:
 * <ul>
 *   <li>{@code redis://host:port[/db]} or {@code rediss://...} (TLS): one Redis server;</li>
 *   <li>{@code redis-sentinel://s1:26379,s2:26379/0#mymaster} (or {@code rediss-sentinel://}): the master that
 *       the sentinels name, followed across failovers;</li>
 *   <li>{@code redis://n1:7000,n2:7000,n3:7000} (or {@code rediss://}): several comma-separated hosts on a
 *       plain scheme mean Redis Cluster; they are seed nodes and the client discovers the rest. A single seed
 *       can be written twice ({@code redis://n1:7000,n1:7000}).</li>
 * </ul>
 */
record RedisEndpoint(boolean cluster, List<RedisURI> nodes) {
    RedisEndpoint {
        nodes = List.copyOf(nodes);
    }

    static RedisEndpoint parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("store.redis.uri is required for store.type: redis");
        }
        String text = uri.strip();
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            throw new IllegalArgumentException("store.redis.uri needs a scheme (redis://, rediss://, "
                    + "redis-sentinel://): " + redact(text));
        }
        boolean plain = text.startsWith(RedisURI.URI_SCHEME_REDIS + "://")
                || text.startsWith(RedisURI.URI_SCHEME_REDIS_SECURE + "://");
        List<RedisURI> nodes;
        boolean cluster = plain && text.indexOf(',', scheme) >= 0;
        try {
            nodes = cluster ? RedisClusterURIUtil.toRedisURIs(URI.create(text)) : List.of(RedisURI.create(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("store.redis.uri is not a Redis URI: " + redact(text), e);
        }
        return new RedisEndpoint(cluster, nodes);
    }

    /** The URI without its password, for errors and logs. */
    static String redact(String uri) {
        return uri.replaceAll("://[^@/]*@", "://***@");
    }
}
