package dev.linkgate.gateway.store;

import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.history.InMemoryLinkHistory;
import dev.linkgate.core.history.LinkHistory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;

/** Builds the link history {@code store} names: off, in this process, or in Redis beside the ledger. */
public final class LinkHistories {
    private LinkHistories() {
    }

    /**
     * @param linkTtl a link's history is kept this long after its last event, as its ledger state
     * @param replica this replica's name, recorded with each event
     */
    public static LinkHistory create(StoreConfig store, Duration linkTtl, Clock clock, String replica) {
        if (store.historyEvents() == 0) {
            return LinkHistory.OFF;
        }
        if (store.type() == StoreConfig.Type.REDIS) {
            return new RedisLinkHistory(store.redis(), store.historyEvents(), linkTtl);
        }
        return new InMemoryLinkHistory(store.historyEvents(), store.maxLinks(), linkTtl, clock, replica);
    }

    /** The replica's name: $HOSTNAME (a pod's or container's name), else the host's name. */
    public static String replicaName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "linkgate";
        }
    }
}
