package dev.linkgate.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the scanner lists are: built into linkgate unless the operator names a file, which replaces the list.
 * Relative paths resolve against the working directory. Whether the files exist and parse is the detector
 * loader's to report (at the key naming the file), not the config's.
 *
 * @param userAgents     the built-in (or operator's) user-agent pattern list
 * @param networks       the built-in (or operator's) scanner network list
 * @param extraNetworks  further network list files the operator adds
 * @param extraUserAgents further user-agent patterns inline
 */
public record DetectionConfig(ListSource userAgents, ListSource networks, List<Path> extraNetworks,
                              List<String> extraUserAgents) {
    public DetectionConfig {
        Objects.requireNonNull(userAgents, "user-agents");
        Objects.requireNonNull(networks, "networks");
        extraNetworks = List.copyOf(Objects.requireNonNull(extraNetworks, "extra-networks"));
        extraUserAgents = List.copyOf(Objects.requireNonNull(extraUserAgents, "extra-user-agents"));
        if (extraUserAgents.stream().anyMatch(String::isBlank)) {
            throw new InvalidConfigValue("extra-user-agents", "must not contain an empty pattern");
        }
    }

    /** The lists built into linkgate, nothing extra. */
    public static DetectionConfig defaults() {
        return new DetectionConfig(ConfigDefaults.USER_AGENTS, ConfigDefaults.NETWORKS, List.of(), List.of());
    }
}
