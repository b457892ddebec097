package dev.linkgate.core.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * How the client's address is found: trusted proxies' X-Forwarded-For, and PROXY protocol.
 *
 * @param trustedProxies peers whose X-Forwarded-For is believed; empty trusts nobody
 * @param proxyProtocol  connections start with a PROXY protocol (v1 or v2) header from a load balancer
 */
public record ClientIpConfig(List<Cidr> trustedProxies, boolean proxyProtocol) {
    public ClientIpConfig {
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trusted-proxies"));
    }

    /** Loopback proxies trusted (127.0.0.0/8, ::1), no PROXY protocol. */
    public static ClientIpConfig defaults() {
        return new ClientIpConfig(ConfigDefaults.TRUSTED_PROXIES, ConfigDefaults.PROXY_PROTOCOL);
    }

    public boolean isTrustedProxy(InetAddress peer) {
        byte[] address = peer.getAddress();
        for (Cidr network : trustedProxies) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
