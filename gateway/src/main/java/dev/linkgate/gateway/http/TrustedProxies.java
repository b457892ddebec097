package dev.linkgate.gateway.http;

import dev.linkgate.core.config.Cidr;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;

/**
 * client-ip.trusted-proxies as a predicate.
 * TODO(config merge): use {@code Cidr.contains} once the config branch lands; this matches prefixes locally.
 */
public final class TrustedProxies implements Predicate<InetAddress> {
    private final List<Cidr> networks;

    public TrustedProxies(List<Cidr> networks) {
        this.networks = List.copyOf(networks);
    }

    @Override
    public boolean test(InetAddress address) {
        byte[] a = ClientAddress.normalize(address).getAddress();
        for (Cidr cidr : networks) {
            if (matches(ClientAddress.normalize(cidr.network()).getAddress(), cidr.prefixLength(), a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] network, int prefix, byte[] address) {
        if (network.length != address.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (network[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (network[full] & mask) == (address[full] & mask);
    }
}
