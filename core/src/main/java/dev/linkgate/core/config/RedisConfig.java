package dev.linkgate.core.config;

import java.time.Duration;

/** store.redis: a Lettuce URI (redis://, rediss://, redis-sentinel://, several for Cluster). */
public record RedisConfig(String uri, Duration timeout, String keyPrefix) {
}
