package dev.linkgate.core.config;

import java.net.InetAddress;

/** An IPv4 or IPv6 network: 127.0.0.0/8, 2a01:111:f400::/48. A bare address is a /32 or /128. */
public record Cidr(InetAddress network, int prefixLength) {
    // PLACEHOLDER: parse(String), contains(InetAddress) come with the config work.
}
