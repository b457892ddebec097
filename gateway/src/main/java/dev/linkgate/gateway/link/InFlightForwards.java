package dev.linkgate.gateway.link;

import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.request.LinkId;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This process's claimed forwards still waiting for their outcome, so that the same browser's double click
 * waiting on another event loop is woken the moment the ledger has the outcome, instead of at its next poll.
 * It only wakes: the waiter then asks the ledger, which alone hands out the copy (and only to its owner).
 *
 * <p>Each event loop publishes its forwards in a map of its own, so that the loops' puts and removes never
 * write to the same memory (one shared map had both cores writing to its bins and its count, about 2% of a
 * first click's samples); a waiter, rare, looks in every loop's map. A forward's waiter list belongs to the
 * forward's own event loop, and waiters are added and woken by hopping between loops with {@code execute},
 * never under a lock.
 */
final class InFlightForwards {
    /** Each loop's forwards: written by that loop only, read by any. */
    private final ConcurrentMap<EventExecutor, ConcurrentMap<Key, Forward>> byLoop = new ConcurrentHashMap<>();

    private record Key(LinkId link, long fingerprint) {
    }

    /** A claimed forward in progress, owned by one event loop. */
    final class Forward {
        private final Key key;
        private final EventExecutor loop;
        private final ConcurrentMap<Key, Forward> forwards;
        private final List<Runnable> wakes = new ArrayList<>(1);
        private boolean done;

        private Forward(Key key, EventExecutor loop, ConcurrentMap<Key, Forward> forwards) {
            this.key = key;
            this.loop = loop;
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

    /** A claimed forward starts on {@code loop}. */
    Forward started(Decision decision, EventExecutor loop) {
        Key key = new Key(decision.link(), decision.fingerprint());
        ConcurrentMap<Key, Forward> forwards = byLoop.get(loop);
        if (forwards == null) {
            forwards = byLoop.computeIfAbsent(loop, l -> new ConcurrentHashMap<>());
        }
        Forward f = new Forward(key, loop, forwards);
        forwards.put(key, f);
        return f;
    }

    /**
     * Runs {@code wake} on {@code waiterLoop} when this browser's forward of the link finishes here; nothing when
     * no such forward runs in this process (another replica has it: the waiter's polling covers that).
     */
    void whenFinished(Decision decision, EventExecutor waiterLoop, Runnable wake) {
        Key key = new Key(decision.link(), decision.fingerprint());
        for (ConcurrentMap<Key, Forward> forwards : byLoop.values()) {
            Forward f = forwards.get(key);
            if (f != null) {
                f.loop.execute(() -> f.add(() -> waiterLoop.execute(wake)));
                return;
            }
        }
    }

    int size() {
        int n = 0;
        for (ConcurrentMap<Key, Forward> forwards : byLoop.values()) {
            n += forwards.size();
        }
        return n;
    }
}
