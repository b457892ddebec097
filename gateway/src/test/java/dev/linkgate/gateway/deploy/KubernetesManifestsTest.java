package dev.linkgate.gateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkgate.core.config.Endpoint;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.gateway.admin.AdminServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/ against linkgate itself: the ConfigMap is a config linkgate accepts, and the Deployment's
 * ports, probe paths, config path and grace period agree with it. No cluster is needed (none is reachable here);
 * what a cluster would check (schema) is left to kubectl --dry-run, what only linkgate knows is checked here.
 */
class KubernetesManifestsTest {
    private static List<JsonNode> manifests;
    private static JsonNode configMap;
    private static JsonNode deployment;
    private static JsonNode container;
    private static LinkgateConfig config;

    @BeforeAll
    static void read() throws IOException {
        manifests = DeployFiles.manifests(DeployFiles.deploy("kubernetes"));
        configMap = only("ConfigMap");
        deployment = only("Deployment");
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        container = containers.get(0);
        config = DeployFiles.config(configMap.at("/data/linkgate.yaml").asText(), "configmap.yaml", DeployFiles.ENV);
    }

    @Test
    void theConfigMapIsAConfigForSeveralReplicasWithTheBuiltInLists() {
        assertEquals(StoreConfig.Type.REDIS, config.store().type());
        assertEquals(DeployFiles.ENV.get("LINKGATE_REDIS_URI"), config.store().redis().uri());
        assertFalse(config.secret().generated(), "every replica signs with the same secret");
        assertNotNull(Detector.load(config.detection(), config.policy()), "no list file is needed in the image");
        assertEquals("0.0.0.0", config.listen().host(), "reachable from the Service");
        assertEquals("0.0.0.0", config.admin().host(), "reachable by the kubelet's probes");
    }

    @Test
    void theContainerPortsAreTheConfigsAndTheServiceAndMonitorUseThem() {
        assertEquals(config.listen().port(), containerPort("http"));
        assertEquals(config.admin().port(), containerPort("admin"));
        for (JsonNode port : only("Service").at("/spec/ports")) {
            containerPort(port.get("targetPort").asText());
        }
        JsonNode scrape = only("ServiceMonitor").at("/spec/endpoints/0");
        assertEquals("admin", scrape.get("port").asText());
        assertEquals("/metrics", scrape.get("path").asText());
    }

    @Test
    void theArgsReadTheConfigWhereTheConfigMapIsMounted() {
        List<String> args = new ArrayList<>();
        container.get("args").forEach(a -> args.add(a.asText()));
        assertEquals(2, args.size());
        assertEquals("--config", args.get(0));
        Path file = Path.of(args.get(1));

        String volume = null;
        for (JsonNode v : deployment.at("/spec/template/spec/volumes")) {
            if (configMap.at("/metadata/name").asText().equals(v.at("/configMap/name").asText())) {
                volume = v.get("name").asText();
            }
        }
        assertNotNull(volume, "a volume holds the ConfigMap");
        String mountPath = null;
        for (JsonNode m : container.get("volumeMounts")) {
            if (m.get("name").asText().equals(volume)) {
                mountPath = m.get("mountPath").asText();
            }
        }
        assertEquals(Path.of(mountPath), file.getParent());
        assertTrue(configMap.get("data").has(file.getFileName().toString()));
        assertEquals(DockerImageTest.configPathInImage(), file, "the same path as the image's default");
    }

    @Test
    void theProbesAskPathsLinkgatesAdminPortServes() throws Exception {
        JsonNode readiness = container.at("/readinessProbe/httpGet");
        JsonNode liveness = container.at("/livenessProbe/httpGet");
        assertEquals("/readyz", readiness.get("path").asText());
        assertEquals("/healthz", liveness.get("path").asText());
        assertEquals("admin", readiness.get("port").asText());
        assertEquals("admin", liveness.get("port").asText());

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (AdminServer admin = AdminServer.start(new Endpoint("127.0.0.1", 0), registry, () -> true)) {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : List.of(readiness.get("path").asText(), liveness.get("path").asText(),
                    only("ServiceMonitor").at("/spec/endpoints/0/path").asText())) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + admin.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
            }
        } finally {
            registry.close();
        }
    }

    @Test
    void theGracePeriodOutlastsThePreStopPauseAndTheDrain() {
        long grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong();
        long pause = container.at("/lifecycle/preStop/sleep/seconds").asLong();
        long drain = config.server().drainTimeout().toSeconds();
        assertTrue(drain > 0 && pause > 0);
        assertTrue(grace > pause + drain, "grace " + grace + "s > preStop " + pause + "s + drain " + drain + "s");
    }

    @Test
    void everyVariableTheConfigReadsComesFromTheSecret() {
        Matcher variables = Pattern.compile("\\$\\{([A-Z_]+)").matcher(configMap.at("/data/linkgate.yaml").asText());
        int seen = 0;
        while (variables.find()) {
            seen++;
            JsonNode from = null;
            for (JsonNode env : container.get("env")) {
                if (env.get("name").asText().equals(variables.group(1))) {
                    from = env.at("/valueFrom/secretKeyRef");
                }
            }
            assertNotNull(from, variables.group(1) + " is set in the container");
            assertFalse(from.isMissingNode(), variables.group(1) + " comes from a Secret");
        }
        assertEquals(2, seen, "LINKGATE_SECRET and LINKGATE_REDIS_URI");
    }

    @Test
    void selectorsFindThePodsAndResourcesAreBounded() {
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertEquals(labels, deployment.at("/spec/selector/matchLabels"));
        assertEquals(labels, only("Service").at("/spec/selector"));
        assertEquals(labels, only("PodDisruptionBudget").at("/spec/selector/matchLabels"));
        assertEquals(labels, only("ServiceMonitor").at("/spec/selector/matchLabels"));
        assertTrue(deployment.at("/spec/replicas").asInt() >= 2);
        assertTrue(only("PodDisruptionBudget").at("/spec/minAvailable").asInt() >= 1);
        assertFalse(container.at("/resources/requests/cpu").isMissingNode());
        assertFalse(container.at("/resources/requests/memory").isMissingNode());
        assertFalse(container.at("/resources/limits/memory").isMissingNode());
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean());
    }

    private static int containerPort(String name) {
        for (JsonNode port : container.get("ports")) {
            if (port.get("name").asText().equals(name)) {
                return port.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found = manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }
}
