package dev.linkgate.core.config;

import static dev.linkgate.core.config.ConfigDefaults.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Maps the YAML keys (kebab-case, as documented in config/linkgate.yaml) onto the config records. */
final class ConfigMapping {
    static final String[] TOP_LEVEL = {"listen", "admin", "upstream", "client-ip", "links", "policy", "detection",
            "store", "server", "interstitial", "logging", "secret", "secret-file"};

    private ConfigMapping() {
    }

    /** Sections are read in the order the example file lists them, so the first problem is reported first. */
    static LinkgateConfig read(ConfigSection root) {
        ConfigSection listenSection = root.section("listen", "host", "port", "tls", "http2", "h2c",
                "redirect-http-port");
        Endpoint listen = endpoint(listenSection, LISTEN);
        ConfigSection adminSection = root.section("admin", "host", "port", "token");
        Endpoint admin = endpoint(adminSection, ADMIN);
        AdminToken adminToken = adminSection.build(() -> adminSection.get("token", null, AdminToken::new));
        ConfigSection upstreamSection = root.section("upstream", "url", "connect-timeout", "response-timeout",
                "max-connections", "idle-timeout", "preserve-host", "tls");
        UpstreamConfig upstream = upstream(upstreamSection);
        ClientIpConfig clientIp = clientIp(root.section("client-ip", "trusted-proxies", "proxy-protocol"));
        root.requirePresent("links");
        List<LinkRoute> links = root.sections("links", "path", "query", "session-cookies", "sent-at").stream()
                .map(ConfigMapping::link)
                .toList();
        PolicyConfig policy = policy(root.section("policy", "mode", "double-click-window", "link-ttl", "reclick",
                "continue-ttl", "fan-out-window", "stale-majors", "gesture-dwell", "resume-window", "browser-cookie",
                "just-sent-window", "clock-skew"));
        DetectionConfig detection = detection(root.section("detection", "user-agents", "networks",
                "extra-networks", "extra-user-agents", "cloud-networks"));
        StoreConfig store = store(root.section("store", "type", "max-links", "on-failure", "redis", "max-copy-memory",
                "history-events"));
        ConfigSection serverSection = root.section("server", "max-request-line", "max-header-size",
                "header-timeout", "idle-timeout", "drain-timeout", "max-coalesce-body", "io-threads", "transport",
                "http2");
        ServerConfig server = server(serverSection);
        InterstitialConfig interstitial = interstitial(root.section("interstitial", "name", "color", "logo",
                "template"));
        ConfigSection log = root.section("logging", "format");
        LoggingConfig logging = log.build(() -> new LoggingConfig(
                log.get("format", LOG_FORMAT, text -> choice(text, LoggingConfig.Format.class))));
        Secret secret = SecretSource.read(root);
        EdgeConfig edge = EdgeMapping.read(listenSection, serverSection, upstreamSection);
        return root.build(() -> new LinkgateConfig(listen, admin, upstream, clientIp, links, policy, detection,
                store, server, interstitial, secret, logging, edge, adminToken));
    }

    private static LinkRoute link(ConfigSection s) {
        String path = s.require("path", ConfigMapping::text);
        String query = s.get("query", null, ConfigMapping::text);
        List<String> sessionCookies = s.list("session-cookies", List.of(), ConfigMapping::text);
        ConfigSection sentAt = s.section("sent-at", "query");
        String sentAtQuery = sentAt.get("query", null, ConfigMapping::text);
        return s.build(() -> new LinkRoute(path, query, sessionCookies, sentAtQuery));
    }

    private static Endpoint endpoint(ConfigSection s, Endpoint defaults) {
        String host = s.get("host", defaults.host(), ConfigMapping::text);
        int port = s.get("port", defaults.port(), ConfigMapping::wholeNumber);
        return s.build(() -> new Endpoint(host, port));
    }

    private static UpstreamConfig upstream(ConfigSection s) {
        URI url = s.require("url", ConfigMapping::url);
        return s.build(() -> new UpstreamConfig(url,
                s.get("connect-timeout", UPSTREAM_CONNECT_TIMEOUT, Durations::parse),
                s.get("response-timeout", UPSTREAM_RESPONSE_TIMEOUT, Durations::parse),
                s.get("max-connections", UPSTREAM_MAX_CONNECTIONS, ConfigMapping::wholeNumber),
                s.get("idle-timeout", UPSTREAM_IDLE_TIMEOUT, Durations::parse),
                s.get("preserve-host", UPSTREAM_PRESERVE_HOST, ConfigMapping::bool)));
    }

    private static ClientIpConfig clientIp(ConfigSection s) {
        return s.build(() -> new ClientIpConfig(
                s.list("trusted-proxies", TRUSTED_PROXIES, Cidr::parse),
                s.get("proxy-protocol", PROXY_PROTOCOL, ConfigMapping::bool)));
    }

    private static PolicyConfig policy(ConfigSection s) {
        return s.build(() -> new PolicyConfig(
                s.get("mode", MODE, text -> choice(text, Mode.class)),
                s.get("double-click-window", DOUBLE_CLICK_WINDOW, Durations::parse),
                s.get("link-ttl", LINK_TTL, Durations::parse),
                s.get("reclick", RECLICK, text -> choice(text, Reclick.class)),
                s.get("continue-ttl", CONTINUE_TTL, Durations::parse),
                s.get("fan-out-window", FAN_OUT_WINDOW, Durations::parse),
                s.get("stale-majors", STALE_MAJORS, ConfigMapping::wholeNumber),
                s.get("gesture-dwell", GESTURE_DWELL, Durations::parse),
                s.get("resume-window", RESUME_WINDOW, Durations::parse),
                s.get("browser-cookie", BROWSER_COOKIE, ConfigMapping::text),
                s.get("just-sent-window", JUST_SENT_WINDOW, Durations::parse),
                s.get("clock-skew", CLOCK_SKEW, Durations::parse)));
    }

    private static DetectionConfig detection(ConfigSection s) {
        return s.build(() -> new DetectionConfig(
                s.get("user-agents", USER_AGENTS, text -> ListSource.file(path(text))),
                s.get("networks", NETWORKS, text -> ListSource.file(path(text))),
                s.list("extra-networks", List.of(), ConfigMapping::path),
                s.list("extra-user-agents", List.of(), ConfigMapping::text),
                s.get("cloud-networks", CLOUD_NETWORKS, text -> ListSource.file(path(text)))));
    }

    private static StoreConfig store(ConfigSection s) {
        ConfigSection r = s.section("redis", "uri", "timeout", "key-prefix");
        RedisConfig redis = r.build(() -> new RedisConfig(
                r.get("uri", REDIS_URI, ConfigMapping::text),
                r.get("timeout", REDIS_TIMEOUT, Durations::parse),
                r.get("key-prefix", REDIS_KEY_PREFIX, ConfigMapping::text)));
        return s.build(() -> new StoreConfig(
                s.get("type", STORE_TYPE, text -> choice(text, StoreConfig.Type.class)),
                s.get("max-links", MAX_LINKS, ConfigMapping::wholeLong),
                redis,
                s.get("on-failure", ON_FAILURE, text -> choice(text, StoreConfig.OnFailure.class)),
                s.get("max-copy-memory", MAX_COPY_MEMORY, DataSize::parse),
                s.get("history-events", HISTORY_EVENTS, ConfigMapping::wholeNumber)));
    }

    private static ServerConfig server(ConfigSection s) {
        return s.build(() -> new ServerConfig(
                s.get("max-request-line", MAX_REQUEST_LINE, DataSize::parse),
                s.get("max-header-size", MAX_HEADER_SIZE, DataSize::parse),
                s.get("header-timeout", HEADER_TIMEOUT, Durations::parse),
                s.get("idle-timeout", IDLE_TIMEOUT, Durations::parse),
                s.get("drain-timeout", DRAIN_TIMEOUT, Durations::parse),
                s.get("max-coalesce-body", MAX_COALESCE_BODY, DataSize::parse),
                s.get("io-threads", ServerConfig.AUTO_THREADS, ConfigMapping::ioThreads),
                // Spelled as the kernel interfaces are (io_uring), not with the other keys' hyphens.
                s.get("transport", ServerConfig.Transport.AUTO,
                        text -> choice(text, ServerConfig.Transport.class, ServerConfig.Transport::spelling))));
    }

    /** {@code auto}, or a whole number of event loops from 1 to {@link ServerConfig#MAX_IO_THREADS}. */
    private static int ioThreads(String text) {
        if ("auto".equals(text.strip())) {
            return ServerConfig.AUTO_THREADS;
        }
        int threads;
        try {
            threads = wholeNumber(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not auto or a number of threads");
        }
        if (threads < 1 || threads > ServerConfig.MAX_IO_THREADS) {
            throw new IllegalArgumentException("\"" + text + "\" is not auto or 1 to " + ServerConfig.MAX_IO_THREADS);
        }
        return threads;
    }

    private static InterstitialConfig interstitial(ConfigSection s) {
        return s.build(() -> new InterstitialConfig(
                s.get("name", INTERSTITIAL_NAME, ConfigMapping::text),
                s.get("color", INTERSTITIAL_COLOR, ConfigMapping::text),
                s.get("logo", null, ConfigMapping::path),
                s.get("template", null, ConfigMapping::path)));
    }

    // Value parsers: an IllegalArgumentException's message is what the operator reads.

    static String text(String text) {
        return text;
    }

    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a file path");
        }
    }

    private static URI url(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + " at character " + e.getIndex() + ")");
        }
    }

    static int wholeNumber(String text) {
        long value = wholeLong(text);
        if (value != (int) value) {
            throw new IllegalArgumentException("\"" + text + "\" is too large");
        }
        return (int) value;
    }

    /** Digits, optionally grouped with underscores as YAML allows: 1_000_000. */
    private static long wholeLong(String text) {
        String digits = text.strip().replace("_", "");
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || text.strip().startsWith("_")) {
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number");
        }
        return Long.parseLong(digits);
    }

    static boolean bool(String text) {
        return switch (text.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("\"" + text + "\" is not true or false");
        };
    }

    /** Enum constants are written in lower case, with - for _. */
    private static <E extends Enum<E>> E choice(String text, Class<E> type) {
        return choice(text, type, ConfigMapping::spelling);
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type, Function<? super E, String> spelling) {
        for (E constant : type.getEnumConstants()) {
            if (spelling.apply(constant).equals(text.strip())) {
                return constant;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                .map(spelling)
                .collect(Collectors.joining(", ")));
    }

    private static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
