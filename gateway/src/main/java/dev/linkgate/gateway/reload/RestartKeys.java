package dev.linkgate.gateway.reload;

import dev.linkgate.core.config.EdgeConfig;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.config.StoreConfig;
import dev.linkgate.core.config.UpstreamConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The keys a reload cannot apply, because what they configure is built once at start: the listening sockets,
 * the upstream's address (resolved once for its connection pools), the link routes, the click ledger (its
 * store, its bounds, its windows and the link history's size), the log format (set on the log appender at
 * start), and the TLS and HTTP/2 listeners and the upstream's TLS. A reload keeps their running values and names
 * the ones the file changed; every other key (admin.token included) takes the loaded value.
 */
final class RestartKeys {
    private RestartKeys() {
    }

    /** The loaded config with every restart key at its running value, and the names of those that differ. */
    record Kept(LinkgateConfig config, List<String> changed) {
    }

    static Kept keep(LinkgateConfig running, LinkgateConfig loaded) {
        List<String> changed = new ArrayList<>();
        compare(changed, "listen.host", running.listen().host(), loaded.listen().host());
        compare(changed, "listen.port", running.listen().port(), loaded.listen().port());
        compare(changed, "admin.host", running.admin().host(), loaded.admin().host());
        compare(changed, "admin.port", running.admin().port(), loaded.admin().port());
        compare(changed, "upstream.url", running.upstream().url(), loaded.upstream().url());
        compare(changed, "links", running.links(), loaded.links());
        PolicyConfig rp = running.policy();
        PolicyConfig lp = loaded.policy();
        compare(changed, "policy.double-click-window", rp.doubleClickWindow(), lp.doubleClickWindow());
        compare(changed, "policy.link-ttl", rp.linkTtl(), lp.linkTtl());
        compare(changed, "policy.fan-out-window", rp.fanOutWindow(), lp.fanOutWindow());
        // The ledger keeps the resume copy for it, and the browser cookie's lifetime is the same window.
        compare(changed, "policy.resume-window", rp.resumeWindow(), lp.resumeWindow());
        StoreConfig rs = running.store();
        StoreConfig ls = loaded.store();
        compare(changed, "store.type", rs.type(), ls.type());
        compare(changed, "store.max-links", rs.maxLinks(), ls.maxLinks());
        compare(changed, "store.on-failure", rs.onFailure(), ls.onFailure());
        compare(changed, "store.max-copy-memory", rs.maxCopyMemory(), ls.maxCopyMemory());
        compare(changed, "store.history-events", rs.historyEvents(), ls.historyEvents());
        RedisConfig rr = rs.redis();
        RedisConfig lr = ls.redis();
        compare(changed, "store.redis.uri", rr == null ? null : rr.uri(), lr == null ? null : lr.uri());
        compare(changed, "store.redis.timeout", rr == null ? null : rr.timeout(), lr == null ? null : lr.timeout());
        compare(changed, "store.redis.key-prefix", rr == null ? null : rr.keyPrefix(), lr == null ? null : lr.keyPrefix());
        compare(changed, "logging.format", running.logging().format(), loaded.logging().format());
        compare(changed, "server.io-threads", running.server().ioThreads(), loaded.server().ioThreads());
        compare(changed, "server.transport", running.server().transport(), loaded.server().transport());
        // TLS and HTTP/2 listeners are built at start; the certificate files' contents reload on their own.
        EdgeConfig re = running.edge();
        EdgeConfig le = loaded.edge();
        compare(changed, "listen.tls", re.tls(), le.tls());
        compare(changed, "listen.http2", re.http2(), le.http2());
        compare(changed, "listen.h2c", re.h2c(), le.h2c());
        compare(changed, "listen.redirect-http-port", re.redirectHttpPort(), le.redirectHttpPort());
        compare(changed, "upstream.tls", re.upstreamTls(), le.upstreamTls());
        if (changed.isEmpty() && !loaded.secret().generated()) {
            return new Kept(loaded, List.of());
        }
        UpstreamConfig lu = loaded.upstream();
        return new Kept(new LinkgateConfig(running.listen(), running.admin(),
                new UpstreamConfig(running.upstream().url(), lu.connectTimeout(), lu.responseTimeout(),
                        lu.maxConnections(), lu.idleTimeout(), lu.preserveHost()),
                loaded.clientIp(), running.links(),
                new PolicyConfig(lp.mode(), rp.doubleClickWindow(), rp.linkTtl(), lp.reclick(), lp.continueTtl(),
                        rp.fanOutWindow(), lp.staleMajors(), lp.gestureDwell(), rp.resumeWindow(), lp.browserCookie(),
                        lp.justSentWindow(), lp.clockSkew()),
                loaded.detection(), running.store(), loaded.server().withStartOnly(running.server()),
                loaded.interstitial(),
                // A file without a secret gets a random one at each load: keep the running secret instead, so a
                // reload never invalidates every open Continue page (nor splits replicas that shared one).
                loaded.secret().generated() ? running.secret() : loaded.secret(),
                running.logging(), loaded.edge().withStartOnly(running.edge()), loaded.adminToken()),
                List.copyOf(changed));
    }

    private static void compare(List<String> changed, String key, Object running, Object loaded) {
        if (!Objects.equals(running, loaded)) {
            changed.add(key);
        }
    }
}
