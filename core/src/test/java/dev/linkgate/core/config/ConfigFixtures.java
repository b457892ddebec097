package dev.linkgate.core.config;

import java.util.Map;

/** YAML snippets and a loader with a fake environment, shared by the config tests. */
final class ConfigFixtures {
    private ConfigFixtures() {
    }

    /** The least a config must say; four lines, so snippets appended start at line 5. */
    static final String MINIMAL = """
            upstream:
              url: http://127.0.0.1:8081
            links:
              - path: /sign/{token}
            """;

    static LinkgateConfig parse(String yaml) {
        return parse(yaml, Map.of());
    }

    static LinkgateConfig parse(String yaml, Map<String, String> env) {
        return new ConfigLoader(env::get).parse(yaml, "test.yaml");
    }
}
