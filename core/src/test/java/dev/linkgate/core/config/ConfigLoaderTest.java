package dev.linkgate.core.config;

import static dev.linkgate.core.config.ConfigFixtures.MINIMAL;
import static dev.linkgate.core.config.ConfigFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-and-more";

    @Test
    void aMinimalConfigGetsEveryDefault() {
        LinkgateConfig config = parse(MINIMAL);

        assertEquals(new Endpoint("127.0.0.1", 8080), config.listen());
        assertEquals(new Endpoint("127.0.0.1", 9090), config.admin());
        assertEquals(new UpstreamConfig(URI.create("http://127.0.0.1:8081"), Duration.ofSeconds(2),
                Duration.ofSeconds(30), 512, Duration.ofSeconds(50), true), config.upstream());
        assertEquals(new ClientIpConfig(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1")), false),
                config.clientIp());
        assertEquals(List.of(new LinkRoute("/sign/{token}", null)), config.links());
        assertEquals(new PolicyConfig(Mode.BALANCED, Duration.ofSeconds(2), Duration.ofHours(72),
                Reclick.INTERSTITIAL, Duration.ofMinutes(10), Duration.ofSeconds(2), 8, Duration.ofMillis(800)),
                config.policy());
        assertEquals(new DetectionConfig(ListSource.builtIn("user-agents.txt"), ListSource.builtIn("networks.txt"),
                List.of(), List.of()), config.detection());
        assertEquals(new StoreConfig(StoreConfig.Type.MEMORY, 1_000_000,
                new RedisConfig("redis://127.0.0.1:6379", Duration.ofMillis(50), "linkgate:"),
                StoreConfig.OnFailure.LOCAL), config.store());
        assertEquals(new ServerConfig(new DataSize(8192), new DataSize(16384), Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(10), new DataSize(256 * 1024)), config.server());
        assertEquals(new InterstitialConfig("linkgate", "#1a56db", null, null), config.interstitial());
        assertTrue(config.secret().generated());
    }

    @Test
    void theRecordsDefaultFactoriesAgreeWithTheLoader() {
        LinkgateConfig config = parse(MINIMAL);
        assertEquals(ClientIpConfig.defaults(), config.clientIp());
        assertEquals(PolicyConfig.defaults(), config.policy());
        assertEquals(DetectionConfig.defaults(), config.detection());
        assertEquals(StoreConfig.defaults(), config.store());
        assertEquals(ServerConfig.defaults(), config.server());
        assertEquals(InterstitialConfig.defaults(), config.interstitial());
        assertEquals(UpstreamConfig.of(URI.create("http://127.0.0.1:8081")), config.upstream());
    }

    @Test
    void nullAndEmptyValuesMeanTheDefault() {
        LinkgateConfig config = parse(MINIMAL + "listen:\npolicy:\n  mode: ~\ninterstitial:\n  name: \"\"\n");
        assertEquals(8080, config.listen().port());
        assertEquals(Mode.BALANCED, config.policy().mode());
        assertEquals("linkgate", config.interstitial().name());
    }

    @Test
    void aQueryLinkAndEnumsAndListsAreRead() {
        LinkgateConfig config = parse("""
                upstream: { url: "http://app:8081/", max-connections: 1_000 }
                links:
                  - path: /s
                    query: t
                policy: { mode: monitor, reclick: forward }
                store: { type: redis, on-failure: interstitial, redis: { key-prefix: "prod:" } }
                client-ip: { trusted-proxies: [], proxy-protocol: true }
                detection: { extra-networks: [a.txt, b.txt], extra-user-agents: [AcmeLinkChecker] }
                """);
        assertEquals(1000, config.upstream().maxConnections());
        assertEquals("app", config.upstream().host());
        assertEquals(8081, config.upstream().port());
        assertEquals(List.of(new LinkRoute("/s", "t")), config.links());
        assertEquals(Mode.MONITOR, config.policy().mode());
        assertEquals(Reclick.FORWARD, config.policy().reclick());
        assertEquals(StoreConfig.Type.REDIS, config.store().type());
        assertEquals(StoreConfig.OnFailure.INTERSTITIAL, config.store().onFailure());
        assertEquals("prod:", config.store().redis().keyPrefix());
        assertEquals("redis://127.0.0.1:6379", config.store().redis().uri());
        assertEquals(List.of(), config.clientIp().trustedProxies());
        assertTrue(config.clientIp().proxyProtocol());
        assertEquals(List.of(Path.of("a.txt"), Path.of("b.txt")), config.detection().extraNetworks());
        assertEquals(List.of("AcmeLinkChecker"), config.detection().extraUserAgents());
    }

    @Test
    void environmentVariablesAreSubstitutedInsideValues() {
        LinkgateConfig config = parse("""
                upstream:
                  url: http://${APP_HOST}:8081
                links:
                  - path: /sign/{token}
                listen:
                  port: ${PORT:-8088}
                admin:
                  port: ${ADMIN_PORT:-9099}
                interstitial:
                  name: ${BRAND:-}
                """, Map.of("APP_HOST", "app.internal", "ADMIN_PORT", "9191"));
        assertEquals(URI.create("http://app.internal:8081"), config.upstream().url());
        assertEquals(8088, config.listen().port());
        assertEquals(9191, config.admin().port());
        assertEquals("linkgate", config.interstitial().name(), "an empty result means the default");
    }

    @Test
    void aDefaultAppliesToAnEmptyVariableAsInTheShell() {
        LinkgateConfig config = parse(MINIMAL + "listen:\n  port: ${PORT:-8088}\n", Map.of("PORT", ""));
        assertEquals(8088, config.listen().port());
    }

    @Test
    void aDoubledDollarWritesALiteralReference() {
        LinkgateConfig config = parse(MINIMAL + "interstitial:\n  name: \"$${NOT_A_VAR} Inc\"\n");
        assertEquals("${NOT_A_VAR} Inc", config.interstitial().name());
    }

    @Test
    void emptyListItemsAreSkippedSoAVariableCanStandForNothing() {
        LinkgateConfig config = parse(MINIMAL + "detection:\n  extra-networks: [\"${EXTRA:-}\"]\n");
        assertEquals(List.of(), config.detection().extraNetworks());
    }

    @Test
    void theSecretIsTheUtf8BytesOfSecret() {
        LinkgateConfig config = parse(MINIMAL + "secret: \"${LINKGATE_SECRET}\"\n", Map.of("LINKGATE_SECRET", SECRET));
        assertEquals(SECRET, new String(config.secret().bytes(), StandardCharsets.UTF_8));
        assertFalse(config.secret().generated());
    }

    @Test
    void anUnsetOrEmptySecretVariableMeansNoSecretAndOneIsGenerated() {
        Secret unset = parse(MINIMAL + "secret: \"${LINKGATE_SECRET}\"\n").secret();
        Secret empty = parse(MINIMAL + "secret: \"${LINKGATE_SECRET}\"\n", Map.of("LINKGATE_SECRET", "")).secret();
        assertTrue(unset.generated());
        assertTrue(empty.generated());
        assertEquals(32, unset.bytes().length);
        assertFalse(unset.equals(empty), "each generated secret is random");
    }

    @Test
    void aSecretShorterThan32BytesIsAnErrorThatDoesNotShowIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse(MINIMAL + "secret: hunter2hunter2\n"));
        assertEquals("config error at secret (line 5, column 9): must be at least 32 bytes (got 14)", e.getMessage());
    }

    @Test
    void theNoSecretWarningSaysWhatToDoWithThisFile() {
        String shipped = MINIMAL + "secret: \"${LINKGATE_SECRET}\"\n";
        assertTrue(parse(shipped).secret().generated());
        assertEquals("No secret configured in test.yaml: using a random one. Continue pages will not survive a"
                + " restart or work across replicas. To fix it, export LINKGATE_SECRET (secret: \"${LINKGATE_SECRET}\""
                + " is empty) with 32 or more random bytes (e.g. openssl rand -base64 32), or use secret-file: FILE.",
                SecretSource.noSecretWarning(YamlTree.parse(shipped, "test.yaml"), "test.yaml"));
        assertEquals("No secret configured in test.yaml: using a random one. Continue pages will not survive a"
                + " restart or work across replicas. To fix it, export LINKGATE_SECRET and add secret:"
                + " \"${LINKGATE_SECRET}\" to the file with 32 or more random bytes (e.g. openssl rand -base64 32),"
                + " or use secret-file: FILE.", SecretSource.noSecretWarning(YamlTree.parse(MINIMAL, "test.yaml"),
                "test.yaml"));
    }

    @Test
    void theSecretFileIsReadWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET + "\r\n");
        LinkgateConfig config = parse(MINIMAL + "secret-file: " + file + "\n");
        assertEquals(SECRET, new String(config.secret().bytes(), StandardCharsets.UTF_8));
        assertFalse(config.secret().generated());
    }

    @Test
    void aShortOrMissingSecretFileIsReportedAtSecretFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, "short\n");
        ConfigException shortFile = assertThrows(ConfigException.class,
                () -> parse(MINIMAL + "secret-file: " + file + "\n"));
        assertEquals("secret-file", shortFile.keyPath());
        assertEquals("must be at least 32 bytes (got 5)", shortFile.detail());

        ConfigException missing = assertThrows(ConfigException.class,
                () -> parse(MINIMAL + "secret-file: " + dir.resolve("none") + "\n"));
        assertEquals("secret-file", missing.keyPath());
        assertTrue(missing.detail().startsWith("file \"" + dir.resolve("none") + "\" does not exist"));
    }

    @Test
    void secretAndSecretFileTogetherAreAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, SECRET);
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse(MINIMAL + "secret: " + SECRET + "\nsecret-file: " + file + "\n"));
        assertEquals("config error at secret-file (line 6, column 14): set either secret or secret-file, not both",
                e.getMessage());
    }

    @Test
    void theSecretNeverShowsInToString() {
        LinkgateConfig config = parse(MINIMAL + "secret: " + SECRET + "\n");
        assertEquals("Secret[41 bytes]", config.secret().toString());
        assertFalse(config.toString().contains(SECRET));
    }

    @Test
    void aRedisPasswordNeverShowsInToString() {
        RedisConfig redis = parse(MINIMAL + "store:\n  redis:\n    uri: redis://:hunter2@cache:6379\n")
                .store().redis();
        assertEquals("redis://:hunter2@cache:6379", redis.uri());
        assertEquals("RedisConfig[uri=redis://****@cache:6379, timeout=PT0.05S, keyPrefix=linkgate:]",
                redis.toString());
    }

    @Test
    void logoAndTemplateFilesAreKeptAsWritten(@TempDir Path dir) throws Exception {
        Path logo = Files.writeString(dir.resolve("logo.png"), "png");
        LinkgateConfig config = parse(MINIMAL + "interstitial:\n  logo: " + logo + "\n  template:\n");
        assertEquals(logo, config.interstitial().logo());
        assertNull(config.interstitial().template());
    }

    @Test
    void loadReadsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("linkgate.yaml"), MINIMAL);
        assertEquals(8080, new ConfigLoader(name -> null).load(file).listen().port());
    }

    @Test
    void aMissingFileIsAOneLineError(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file));
        assertEquals("config error: config file " + file + " does not exist", e.getMessage());
    }

    @Test
    void anEmptyDocumentLacksTheRequiredKeys() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(""));
        assertEquals("config error at upstream.url (line 1, column 1): missing required key", e.getMessage());
    }

    @Test
    void ioThreadsIsAutoByDefaultOrANumberOfEventLoops() {
        assertEquals(ServerConfig.AUTO_THREADS, parse(MINIMAL).server().ioThreads());
        assertEquals(Runtime.getRuntime().availableProcessors(), parse(MINIMAL).server().eventLoops());
        assertEquals(ServerConfig.AUTO_THREADS, parse(MINIMAL + "server:\n  io-threads: auto\n").server().ioThreads());
        ServerConfig one = parse(MINIMAL + "server:\n  io-threads: 1\n").server();
        assertEquals(1, one.ioThreads());
        assertEquals(1, one.eventLoops());
        assertEquals(16, parse(MINIMAL + "server:\n  io-threads: 16\n").server().eventLoops());
    }

    @Test
    void ioThreadsThatAreNotAutoOrOneTo1024AreAnErrorNamingTheKeyAndLine() {
        for (String bad : new String[] {"0", "-1", "1025", "many", "2.5"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> parse(MINIMAL + "server:\n  io-threads: " + bad + "\n"), bad);
            assertTrue(e.getMessage().startsWith("config error at server.io-threads (line 6, column 15): "),
                    e.getMessage());
        }
    }

    @Test
    void transportIsAutoByDefaultOrOneOfTheKernelInterfacesSpelledAsTheyAre() {
        assertEquals(ServerConfig.Transport.AUTO, parse(MINIMAL).server().transport());
        for (ServerConfig.Transport t : ServerConfig.Transport.values()) {
            assertEquals(t, parse(MINIMAL + "server:\n  transport: " + t.spelling() + "\n").server().transport());
        }
        assertEquals("io_uring", ServerConfig.Transport.IO_URING.spelling());
    }

    @Test
    void aTransportNotOnTheListIsAnErrorNamingTheKeyLineAndTheChoices() {
        for (String bad : new String[] {"uring", "io-uring", "EPOLL", "kqueue", "1"}) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> parse(MINIMAL + "server:\n  transport: " + bad + "\n"), bad);
            assertEquals("config error at server.transport (line 6, column 14): \"" + bad
                    + "\" is not one of auto, io_uring, epoll, nio", e.getMessage());
        }
    }
}
