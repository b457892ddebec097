package dev.linkgate.gateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.linkgate.core.config.ConfigException;
import dev.linkgate.core.config.LinkgateConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker/Dockerfile against linkgate: images cannot be built on this machine, so what the image promises
 * (ports, config path, jar, non-root, distroless base) is checked against the files it copies in.
 */
class DockerImageTest {

    @Test
    void theImageRunsTheShadedJarOnDistrolessAsNonRoot() {
        List<String[]> lines = instructions();
        List<String> from = values(lines, "FROM");
        assertTrue(from.get(from.size() - 1).startsWith("gcr.io/distroless/java17-debian12:nonroot"), from.toString());
        assertEquals(List.of("nonroot"), values(lines, "USER"));
        List<String> entrypoint = json(values(lines, "ENTRYPOINT").get(0));
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        assertTrue(values(lines, "COPY").contains("--from=build /src/gateway/target/linkgate.jar " + jar),
                "the jar the build stage made is the one started");
    }

    @Test
    void theExposedPortsAreTheImageConfigsPorts() {
        LinkgateConfig config = imageConfig(DeployFiles.ENV);
        assertEquals(List.of(config.listen().port() + " " + config.admin().port()), values(instructions(), "EXPOSE"));
        assertEquals("0.0.0.0", config.listen().host());
        assertEquals("0.0.0.0", config.admin().host());
    }

    @Test
    void theDefaultCommandReadsTheConfigTheImageHolds() {
        assertTrue(values(instructions(), "COPY").contains("deploy/docker/linkgate.yaml " + configPathInImage()));
    }

    @Test
    void theImageConfigNeedsOnlyTheUpstreamAndASecret() {
        Map<String, String> env = new HashMap<>(DeployFiles.ENV);
        env.remove("LINKGATE_REDIS_URI");
        assertEquals("http://signing-app:8081", imageConfig(env).upstream().url().toString());
        env.remove("LINKGATE_UPSTREAM");
        ConfigException e = assertThrows(ConfigException.class, () -> imageConfig(env));
        assertEquals("upstream.url", e.keyPath());
    }

    /** The path given to --config by the image's CMD. */
    static Path configPathInImage() {
        List<String> cmd = json(values(instructions(), "CMD").get(0));
        assertEquals("--config", cmd.get(0));
        return Path.of(cmd.get(1));
    }

    private static LinkgateConfig imageConfig(Map<String, String> env) {
        try {
            return DeployFiles.config(Files.readString(DeployFiles.deploy("docker/linkgate.yaml")), "linkgate.yaml",
                    env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each instruction of the Dockerfile as {keyword, arguments}; comments and blank lines dropped. */
    private static List<String[]> instructions() {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(DeployFiles.deploy("docker/Dockerfile"))) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    String[] parts = s.split("\\s+", 2);
                    out.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> values(List<String[]> lines, String keyword) {
        return lines.stream().filter(l -> l[0].equals(keyword)).map(l -> l[1]).toList();
    }

    private static List<String> json(String array) {
        try {
            return DeployFiles.YAML.readValue(array, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
