package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.request.LinkId;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This process's claimed forwards still waiting for their outcome, so that the same browser's double click
 * waiting on another event loop is woken the moment the ledger has the outcome, instead of at its next poll.
 * It only wakes: the waiter then asks the ledger, which alone hands out the copy (and only to its owner).
 *
 * <p>Each event loop keeps its forwards in a plain map of its own, touched only on that loop: a first click's put
 * and remove are a hash map's, with no compare-and-set and no memory written by the other core (one shared
 * concurrent map was about 2% of a first click's samples, one concurrent map per loop still 2.4% for its remove). A
 * waiter, rare, looks in every loop's map on that loop, by hopping there with {@code execute}; a forward's waiter
 * list belongs to the forward's own loop, and the waiter is woken on its own. Nothing is under a lock.
 */
final class InFlightForwards {
    /** Each loop's forwards, in a map read and written on that loop only; a loop's entry is made once. */
    private final ConcurrentMap<EventExecutor, Map<Key, Forward>> byLoop = new ConcurrentHashMap<>();

    /**
     * A link and a browser. Its hash is worked out once, when the forward starts and the link's id is at hand: the
     * removal at the forward's end (a profile put 2.8% of a first click's samples in the record's own hashCode
     * there, reading the id again) then reads only the key, and finds its entry by identity.
     */
    private static final class Key {
        private final LinkId link;
        private final long fingerprint;
        private final int hash;

        Key(LinkId link, long fingerprint) {
            this.link = link;
            this.fingerprint = fingerprint;
            this.hash = 31 * link.hashCode() + Long.hashCode(fingerprint);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && k.hash == hash && k.fingerprint == fingerprint
                    && k.link.equals(link);
        }
    }

    /** A claimed forward in progress, owned by one event loop. */
    final class Forward {
        private final Key key;
        private final Map<Key, Forward> forwards;
        private final List<Runnable> wakes = new ArrayList<>(1);
        private boolean done;

        private Forward(Key key, Map<Key, Forward> forwards) {
            this.key = key;
            this.forwards = forwards;
        }

        /** On the forward's loop, once the ledger knows the outcome. */
        void finished() {
            done = true;
            forwards.remove(key, this);
            for (Runnable wake : wakes) {
                wake.run();
            }
            wakes.clear();
        }

        private void add(Runnable wake) {
            if (done) {
                wake.run();
            } else {
                wakes.add(wake);
            }
        }
    }

    /** A claimed forward starts on {@code loop}; called on that loop. */
    Forward started(Decision decision, EventExecutor loop) {
        Key key = new Key(decision.link(), decision.fingerprint());
        Map<Key, Forward> forwards = byLoop.get(loop);
        if (forwards == null) {
            forwards = byLoop.computeIfAbsent(loop, l -> new HashMap<>());
        }
        Forward f = new Forward(key, forwards);
        forwards.put(key, f);
        return f;
    }

    /**
     * Runs {@code wake} on {@code waiterLoop} when this browser's forward of the link finishes here; nothing when
     * no such forward runs in this process (another replica has it: the waiter's polling covers that).
     */
    void whenFinished(Decision decision, EventExecutor waiterLoop, Runnable wake) {
        Key key = new Key(decision.link(), decision.fingerprint());
        for (Map.Entry<EventExecutor, Map<Key, Forward>> loop : byLoop.entrySet()) {
            Map<Key, Forward> forwards = loop.getValue();
            loop.getKey().execute(() -> {
                Forward f = forwards.get(key);
                if (f != null) {
                    f.add(() -> waiterLoop.execute(wake));
                }
            });
        }
    }

    /** Forwards in flight; for tests, whose loops are the test's thread. */
    int size() {
        int n = 0;
        for (Map<Key, Forward> forwards : byLoop.values()) {
            n += forwards.size();
        }
        return n;
    }
}
