package dev.linkgate.gateway.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.linkgate.core.config.ConfigLoader;
import dev.linkgate.core.config.LinkgateConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files under deploy/, read as the tools that use them would. */
final class DeployFiles {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** What the environment gives the config's ${VAR}s in a deployment. */
    static final Map<String, String> ENV = Map.of(
            "LINKGATE_SECRET", "a-deployment-secret-of-more-than-32-bytes",
            "LINKGATE_REDIS_URI", "redis://redis.default.svc:6379",
            "LINKGATE_UPSTREAM", "http://signing-app:8081");

    private DeployFiles() {
    }

    static Path deploy(String relative) {
        return Path.of(System.getProperty("linkgate.project.dir", "..")).resolve("deploy").resolve(relative);
    }

    /** Every YAML document of every manifest under the directory and its subdirectories. */
    static List<JsonNode> manifests(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            out.addAll(YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll());
        }
        return out;
    }

    static LinkgateConfig config(String yaml, String source, Map<String, String> env) {
        return new ConfigLoader(env::get, warning -> {
            throw new AssertionError("a deployment config must not need a warning: " + warning);
        }).parse(yaml, source);
    }
}
