package dev.linkgate.core.config;

/** Where click state lives: in this process, or shared by all replicas in Redis. */
public record StoreConfig(Type type, long maxLinks, RedisConfig redis, OnFailure onFailure) {
    public enum Type { MEMORY, REDIS }

    /** store.on-failure: what to do while Redis is unreachable. */
    public enum OnFailure { LOCAL, INTERSTITIAL }
}
