package dev.linkgate.core.config;

import java.nio.file.Path;
import java.util.List;

/**
 * @param userAgents     the shipped (or operator's) user-agent pattern list
 * @param networks       the shipped (or operator's) scanner network list
 * @param extraNetworks  further network list files the operator adds
 * @param extraUserAgents further user-agent patterns inline
 */
public record DetectionConfig(Path userAgents, Path networks, List<Path> extraNetworks, List<String> extraUserAgents) {
}
