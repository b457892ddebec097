package dev.linkgate.core.config;

import java.time.Duration;
import java.util.List;

/**
 * Every default of the configuration, in one place. config/linkgate.yaml documents the same values;
 * ConfigExampleTest keeps the two in step.
 */
final class ConfigDefaults {
    private ConfigDefaults() {
    }

    static final Endpoint LISTEN = new Endpoint("127.0.0.1", 8080);
    static final Endpoint ADMIN = new Endpoint("127.0.0.1", 9090);

    static final Duration UPSTREAM_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration UPSTREAM_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    static final int UPSTREAM_MAX_CONNECTIONS = 512;
    /** Below the common upstream keep-alive of 60s, so the upstream never closes a connection we are about to use. */
    static final Duration UPSTREAM_IDLE_TIMEOUT = Duration.ofSeconds(50);
    static final boolean UPSTREAM_PRESERVE_HOST = true;

    static final List<Cidr> TRUSTED_PROXIES = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1/128"));
    static final boolean PROXY_PROTOCOL = false;

    static final Mode MODE = Mode.BALANCED;
    static final Duration DOUBLE_CLICK_WINDOW = Duration.ofSeconds(2);
    static final Duration LINK_TTL = Duration.ofHours(72);
    static final Reclick RECLICK = Reclick.INTERSTITIAL;
    static final Duration CONTINUE_TTL = Duration.ofMinutes(10);
    static final Duration FAN_OUT_WINDOW = Duration.ofSeconds(2);
    static final int STALE_MAJORS = 8;
    static final Duration GESTURE_DWELL = Duration.ofMillis(800);
    static final Duration RESUME_WINDOW = Duration.ofMinutes(10);
    static final String BROWSER_COOKIE = "linkgate-browser";
    static final Duration JUST_SENT_WINDOW = Duration.ofSeconds(60);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Built into the jar from config/scanners/; a configured file replaces them. */
    static final ListSource USER_AGENTS = ListSource.builtIn("user-agents.txt");
    static final ListSource NETWORKS = ListSource.builtIn("networks.txt");
    static final ListSource CLOUD_NETWORKS = ListSource.builtIn("cloud-networks.txt");

    static final StoreConfig.Type STORE_TYPE = StoreConfig.Type.MEMORY;
    static final long MAX_LINKS = 1_000_000;
    static final StoreConfig.OnFailure ON_FAILURE = StoreConfig.OnFailure.LOCAL;
    static final DataSize MAX_COPY_MEMORY = DataSize.ofKibibytes(64 * 1024);
    static final int HISTORY_EVENTS = 8;
    static final String REDIS_URI = "redis://127.0.0.1:6379";
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(50);
    static final String REDIS_KEY_PREFIX = "linkgate:";

    static final DataSize MAX_REQUEST_LINE = DataSize.ofKibibytes(8);
    static final DataSize MAX_HEADER_SIZE = DataSize.ofKibibytes(16);
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);
    static final DataSize MAX_COALESCE_BODY = DataSize.ofKibibytes(256);

    static final String INTERSTITIAL_NAME = "linkgate";
    static final String INTERSTITIAL_COLOR = "#1a56db";

    static final LoggingConfig.Format LOG_FORMAT = LoggingConfig.Format.JSON;
    /** listen.http2 applies to TLS listeners only; listen.h2c (cleartext HTTP/2) is opt-in. */
    static final boolean HTTP2 = true;
    static final boolean H2C = false;
    static final int HTTP2_MAX_CONCURRENT_STREAMS = 100;
    static final boolean UPSTREAM_TLS_VERIFY = true;

    /** Bytes of a generated secret, and the least a configured one must have. */
    static final int SECRET_BYTES = 32;
}
