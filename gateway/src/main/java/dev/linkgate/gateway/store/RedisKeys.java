package dev.linkgate.gateway.store;

import dev.linkgate.core.request.LinkId;

import java.nio.charset.StandardCharsets;

/**
 * Where the ledger keeps things in Redis. A link's keys carry its id as a hash tag, so both live in one
 * Cluster slot and one script may touch them: {@code <prefix>link:{<id>}} (a hash) and
 * {@code <prefix>response:{<id>}} (the first response's copy). Nonces are {@code <prefix>nonce:{<nonce>}};
 * the size estimate is {@code <prefix>created}. The id is {@link LinkId#key()}: Redis never holds a token.
 */
record RedisKeys(String prefix) {
    RedisKeys {
        if (prefix == null) {
            prefix = "";
        }
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("store.redis.key-prefix must not contain braces (they make the "
                    + "Cluster hash tag): " + prefix);
        }
    }

    byte[] link(LinkId id) {
        return bytes("link:{" + id.key() + "}");
    }

    byte[] response(LinkId id) {
        return bytes("response:{" + id.key() + "}");
    }

    byte[] nonce(String nonce) {
        return bytes("nonce:{" + nonce + "}");
    }

    byte[] created() {
        return bytes("created");
    }

    private byte[] bytes(String suffix) {
        return (prefix + suffix).getBytes(StandardCharsets.UTF_8);
    }
}
