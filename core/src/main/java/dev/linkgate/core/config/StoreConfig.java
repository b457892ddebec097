package dev.linkgate.core.config;

import java.util.Objects;

/**
 * Where click state lives: in this process, or shared by all replicas in Redis.
 *
 * @param maxLinks  the memory store forgets the oldest links beyond this many
 * @param redis     used when type is REDIS; the loader always fills it (defaults when the section is absent)
 * @param onFailure what to do while Redis is unreachable
 * @param maxCopyMemory the most bytes of response copies kept for resume and double clicks; oldest dropped first
 */
public record StoreConfig(Type type, long maxLinks, RedisConfig redis, OnFailure onFailure, DataSize maxCopyMemory) {
    public enum Type { MEMORY, REDIS }

    /** store.on-failure: what to do while Redis is unreachable. */
    public enum OnFailure {
        /** Decide with this replica's own memory until Redis is back. */
        LOCAL,
        /** Give every link the interstitial until Redis is back. */
        INTERSTITIAL
    }

    public StoreConfig(Type type, long maxLinks, RedisConfig redis, OnFailure onFailure) {
        this(type, maxLinks, redis, onFailure, ConfigDefaults.MAX_COPY_MEMORY);
    }

    public StoreConfig {
        Objects.requireNonNull(maxCopyMemory, "max-copy-memory");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(onFailure, "on-failure");
        if (maxLinks < 1) {
            throw new InvalidConfigValue("max-links", "must be at least 1 (got " + maxLinks + ")");
        }
        if (type == Type.REDIS && redis == null) {
            throw new InvalidConfigValue("redis", "is required when type is redis");
        }
    }

    /** In memory, with the Redis defaults filled in. */
    public static StoreConfig defaults() {
        return new StoreConfig(ConfigDefaults.STORE_TYPE, ConfigDefaults.MAX_LINKS, RedisConfig.defaults(),
                ConfigDefaults.ON_FAILURE, ConfigDefaults.MAX_COPY_MEMORY);
    }
}
