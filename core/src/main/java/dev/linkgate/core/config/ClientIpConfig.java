package dev.linkgate.core.config;

import java.util.List;

/** How the client's address is found: trusted proxies' X-Forwarded-For, and PROXY protocol. */
public record ClientIpConfig(List<Cidr> trustedProxies, boolean proxyProtocol) {
}
