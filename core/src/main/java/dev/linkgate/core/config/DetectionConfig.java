package dev.linkgate.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the scanner lists are. Relative paths resolve against the working directory. Whether the files
 * exist and parse is the detector loader's to report, not the config's.
 *
 * @param userAgents     the shipped (or operator's) user-agent pattern list
 * @param networks       the shipped (or operator's) scanner network list
 * @param extraNetworks  further network list files the operator adds
 * @param extraUserAgents further user-agent patterns inline
 * @param cloudNetworks  the cloud providers' published ranges (cloud_network); null for none
 */
public record DetectionConfig(Path userAgents, Path networks, List<Path> extraNetworks, List<String> extraUserAgents,
                              Path cloudNetworks) {
    public DetectionConfig(Path userAgents, Path networks, List<Path> extraNetworks, List<String> extraUserAgents) {
        this(userAgents, networks, extraNetworks, extraUserAgents, ConfigDefaults.CLOUD_NETWORKS);
    }

    public DetectionConfig {
        Objects.requireNonNull(userAgents, "user-agents");
        Objects.requireNonNull(networks, "networks");
        extraNetworks = List.copyOf(Objects.requireNonNull(extraNetworks, "extra-networks"));
        extraUserAgents = List.copyOf(Objects.requireNonNull(extraUserAgents, "extra-user-agents"));
        if (extraUserAgents.stream().anyMatch(String::isBlank)) {
            throw new InvalidConfigValue("extra-user-agents", "must not contain an empty pattern");
        }
    }

    /** The shipped lists under config/scanners/, nothing extra. */
    public static DetectionConfig defaults() {
        return new DetectionConfig(ConfigDefaults.USER_AGENTS, ConfigDefaults.NETWORKS, List.of(), List.of(),
                ConfigDefaults.CLOUD_NETWORKS);
    }
}
