package dev.linkgate.core.config;

import java.util.List;

/** The whole configuration, immutable and validated. */
public record LinkgateConfig(Endpoint listen, Endpoint admin, UpstreamConfig upstream, ClientIpConfig clientIp,
                             List<LinkRoute> links, PolicyConfig policy, DetectionConfig detection,
                             StoreConfig store, ServerConfig server, InterstitialConfig interstitial,
                             Secret secret) {
}
