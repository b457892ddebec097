package dev.linkgate.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** config/linkgate.yaml loads, and documents exactly the defaults. */
class ConfigExampleTest {

    @Test
    void theExampleFileLoadsWithTheDocumentedValues() {
        LinkgateConfig config = new ConfigLoader(name -> null).load(example());

        assertEquals(new Endpoint("127.0.0.1", 8080), config.listen());
        assertEquals(new Endpoint("127.0.0.1", 9090), config.admin());
        assertEquals(UpstreamConfig.of(URI.create("http://127.0.0.1:8081")), config.upstream());
        assertEquals(List.of(new LinkRoute("/sign/{token}", null), new LinkRoute("/s", "t")), config.links());
        assertTrue(config.secret().generated(), "LINKGATE_SECRET is unset here");
    }

    @Test
    void everyValueInTheExampleIsTheDefault() {
        LinkgateConfig config = new ConfigLoader(name -> null).load(example());

        assertEquals(ClientIpConfig.defaults(), config.clientIp());
        assertEquals(PolicyConfig.defaults(), config.policy());
        assertEquals(DetectionConfig.defaults(), config.detection());
        assertEquals(StoreConfig.defaults(), config.store());
        assertEquals(ServerConfig.defaults(), config.server());
        assertEquals(InterstitialConfig.defaults(), config.interstitial());
        assertEquals(LoggingConfig.defaults(), config.logging());
        assertEquals(EdgeConfig.defaults(), config.edge());
    }

    @Test
    void theExampleMentionsEveryTopLevelKey() throws Exception {
        String text = Files.readString(example());
        for (String key : ConfigMapping.TOP_LEVEL) {
            assertTrue(text.contains(key + ":"), key);
        }
    }

    @Test
    void theExampleLoadsWithASecretFromTheEnvironment() {
        String secret = "x".repeat(32);
        LinkgateConfig config = new ConfigLoader(name -> name.equals("LINKGATE_SECRET") ? secret : null)
                .load(example());
        assertEquals(32, config.secret().bytes().length);
        assertTrue(!config.secret().generated());
    }

    /** The repository root is passed by surefire; the fallback serves runs from an IDE in core/. */
    static Path example() {
        String root = System.getProperty("linkgate.project.dir");
        Path candidate = root == null ? Path.of("config/linkgate.yaml") : Path.of(root, "config/linkgate.yaml");
        return Files.exists(candidate) ? candidate : Path.of("..", "config/linkgate.yaml");
    }
}
