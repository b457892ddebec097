package dev.linkgate.core.config;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The whole configuration, immutable and validated. Read it with {@link ConfigLoader}.
 *
 * @param adminToken {@code admin.token}: the bearer token the admin port's protected paths require; null for none
 */
public record LinkgateConfig(Endpoint listen, Endpoint admin, UpstreamConfig upstream, ClientIpConfig clientIp,
                             List<LinkRoute> links, PolicyConfig policy, DetectionConfig detection,
                             StoreConfig store, ServerConfig server, InterstitialConfig interstitial,
                             Secret secret, LoggingConfig logging, EdgeConfig edge, AdminToken adminToken) {
    /** Without edge settings (plain HTTP/1.1 in and out) and without an admin token. */
    public LinkgateConfig(Endpoint listen, Endpoint admin, UpstreamConfig upstream, ClientIpConfig clientIp,
                          List<LinkRoute> links, PolicyConfig policy, DetectionConfig detection, StoreConfig store,
                          ServerConfig server, InterstitialConfig interstitial, Secret secret, LoggingConfig logging) {
        this(listen, admin, upstream, clientIp, links, policy, detection, store, server, interstitial, secret, logging,
                EdgeConfig.defaults(), null);
    }

    /** Without an admin token: the admin port's protected paths are open (as before admin.token). */
    public LinkgateConfig(Endpoint listen, Endpoint admin, UpstreamConfig upstream, ClientIpConfig clientIp,
                          List<LinkRoute> links, PolicyConfig policy, DetectionConfig detection, StoreConfig store,
                          ServerConfig server, InterstitialConfig interstitial, Secret secret, LoggingConfig logging,
                          EdgeConfig edge) {
        this(listen, admin, upstream, clientIp, links, policy, detection, store, server, interstitial, secret, logging,
                edge, null);
    }

    public LinkgateConfig {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(clientIp, "client-ip");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(interstitial, "interstitial");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(edge, "edge");
        links = List.copyOf(Objects.requireNonNull(links, "links"));
        if (links.isEmpty()) {
            throw new InvalidConfigValue("links", "must list at least one link, e.g. - path: \"/sign/{token}\"");
        }
        Set<LinkRoute> seen = new HashSet<>();
        for (LinkRoute link : links) {
            if (!seen.add(link)) {
                throw new InvalidConfigValue("links", "lists " + link.path()
                        + (link.tokenInQuery() ? "?" + link.query() : "") + " twice");
            }
        }
        if (admin.port() != 0 && admin.port() == listen.port()) {
            throw new InvalidConfigValue("admin", "port " + admin.port() + " is already the listen port");
        }
        if (edge.redirectHttpPort() != 0 && (edge.redirectHttpPort() == listen.port()
                || edge.redirectHttpPort() == admin.port())) {
            throw new InvalidConfigValue("listen.redirect-http-port", "port " + edge.redirectHttpPort()
                    + " is already taken by listen or admin");
        }
    }
}
