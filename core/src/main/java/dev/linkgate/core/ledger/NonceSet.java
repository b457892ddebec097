package dev.linkgate.core.ledger;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spent continue nonces until their tokens expire. Tokens share one lifetime, so insertion order is expiry
 * order and the sweep only looks at the head. The bound protects memory; it is far above the continues a
 * gateway sees within one token lifetime.
 */
final class NonceSet {
    private static final int SHARDS = 16;
    private final Shard[] shards = new Shard[SHARDS];

    NonceSet(long bound) {
        int perShard = (int) Math.max(64, Math.min(Integer.MAX_VALUE, bound / SHARDS));
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard(perShard);
        }
    }

    /** True the first time a nonce is spent before it expires. */
    boolean spend(String nonce, long expiresAt, long now) {
        Shard shard = shards[(nonce.hashCode() & 0x7fffffff) % SHARDS];
        synchronized (shard) {
            Iterator<Long> head = shard.values().iterator();
            while (head.hasNext() && head.next() <= now) {
                head.remove();
            }
            Long previous = shard.get(nonce);
            if (previous != null && previous > now) {
                return false;
            }
            shard.put(nonce, expiresAt);
            return true;
        }
    }

    private static final class Shard extends LinkedHashMap<String, Long> {
        private final int bound;

        Shard(int bound) {
            this.bound = bound;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > bound;
        }
    }
}
