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
 * <p>The map publishes each forward; a forward's waiter list belongs to the forward's own event loop, and
 * waiters are added and woken by hopping between loops with {@code execute}, never under a lock.
 */
final class InFlightForwards {
    private final ConcurrentMap<Key, Forward> forwards = new ConcurrentHashMap<>();

    private record Key(LinkId link, long fingerprint) {
    }

    /** A claimed forward in progress, owned by one event loop. */
    final class Forward {
        private final Key key;
        private final EventExecutor loop;
        private final List<Runnable> wakes = new ArrayList<>(1);
        private boolean done;

        private Forward(Key key, EventExecutor loop) {
            this.key = key;
            this.loop = loop;
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
        Forward f = new Forward(key, loop);
        forwards.put(key, f);
        return f;
    }

    /**
     * Runs {@code wake} on {@code waiterLoop} when this browser's forward of the link finishes here; nothing when
     * no such forward runs in this process (another replica has it: the waiter's polling covers that).
     */
    void whenFinished(Decision decision, EventExecutor waiterLoop, Runnable wake) {
        Forward f = forwards.get(new Key(decision.link(), decision.fingerprint()));
        if (f != null) {
            f.loop.execute(() -> f.add(() -> waiterLoop.execute(wake)));
        }
    }

    int size() {
        return forwards.size();
    }
}
