package dev.linkgate.core.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * store.redis: a Lettuce URI (redis://, rediss://, redis-sentinel://, several separated by commas for Cluster).
 * The URI may carry a password, so {@link #toString()} hides its user info.
 *
 * @param timeout   a command taking longer counts as a Redis failure (see store.on-failure)
 * @param keyPrefix prepended to every key, so several deployments can share one Redis
 */
public record RedisConfig(String uri, Duration timeout, String keyPrefix) {
    private static final Pattern SCHEME = Pattern.compile("(redis|rediss|redis\\+ssl|redis\\+tls|redis-sentinel"
            + "|rediss-sentinel|redis-socket|redis\\+socket)://\\S+");
    private static final Pattern USER_INFO = Pattern.compile("://[^@/,]*@");

    public RedisConfig {
        if (uri == null || uri.isBlank()) {
            throw new InvalidConfigValue("uri", "must be a Redis URI, e.g. redis://127.0.0.1:6379");
        }
        // Lettuce's form for several nodes is one URI with comma-separated hosts: redis://n1:7000,n2:7000.
        if (!SCHEME.matcher(uri.strip()).matches()) {
            // The URI itself is not repeated: it may hold a password.
            throw new InvalidConfigValue("uri", "must be a redis://, rediss:// or redis-sentinel:// URI"
                    + " (several hosts separated by commas for a cluster)");
        }
        Durations.requirePositive(timeout, "timeout");
        Objects.requireNonNull(keyPrefix, "key-prefix");
        if (keyPrefix.isEmpty()) {
            throw new InvalidConfigValue("key-prefix", "must not be empty");
        }
    }

    public static RedisConfig defaults() {
        return new RedisConfig(ConfigDefaults.REDIS_URI, ConfigDefaults.REDIS_TIMEOUT, ConfigDefaults.REDIS_KEY_PREFIX);
    }

    @Override
    public String toString() {
        return "RedisConfig[uri=" + USER_INFO.matcher(uri).replaceAll("://****@") + ", timeout=" + timeout
                + ", keyPrefix=" + keyPrefix + "]";
    }
}
