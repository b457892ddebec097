package dev.linkgate.gateway.store;

import dev.linkgate.core.config.RedisConfig;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.history.HistoryEvent;
import dev.linkgate.core.history.LinkHistory;
import dev.linkgate.core.history.LinkStory;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.request.LinkId;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Link histories shared by all replicas, in Redis: {@code <prefix>history:{<id>}} is a list of the last events
 * (one line each), {@code <prefix>history-first:{<id>}} the first open. Both carry the link's hash tag, so they
 * sit in the link's Cluster slot. An append is RPUSH, LTRIM (the cap), PEXPIRE (the link's TTL) and, for a
 * first open, SET NX: written back to back on the connection without waiting for each other's reply (Lettuce
 * pipelines them), and never awaited by the request. A failed write loses the event, never a decision.
 */
public final class RedisLinkHistory implements LinkHistory {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLinkHistory.class);
    private static final char SEP = '\t';

    private final RedisSession session;
    private final String prefix;
    private final int maxEvents;
    private final long ttlMillis;
    private final AtomicLong failures = new AtomicLong();

    public RedisLinkHistory(RedisConfig config, int maxEvents, Duration ttl) {
        this(new RedisSession(RedisEndpoint.parse(config.uri()), config.timeout()), config.keyPrefix(), maxEvents, ttl);
    }

    RedisLinkHistory(RedisSession session, String prefix, int maxEvents, Duration ttl) {
        new RedisKeys(prefix); // the same rule for the prefix as the ledger's keys
        this.session = session;
        this.prefix = prefix == null ? "" : prefix;
        this.maxEvents = maxEvents;
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public void record(LinkId link, HistoryEvent event) {
        byte[] line = encode(event).getBytes(StandardCharsets.UTF_8);
        byte[] list = key("history:", link);
        byte[] first = key("history-first:", link);
        session.commands().thenAccept(r -> {
            r.rpush(list, line).whenComplete(this::failed);
            r.ltrim(list, -maxEvents, -1).whenComplete(this::failed);
            r.pexpire(list, ttlMillis).whenComplete(this::failed);
            if (event.opened()) {
                r.set(first, line, SetArgs.Builder.nx().px(ttlMillis)).whenComplete(this::failed);
            } else {
                r.pexpire(first, ttlMillis).whenComplete(this::failed);
            }
        }).whenComplete((ok, e) -> failed(ok, e));
    }

    @Override
    public CompletionStage<Optional<LinkStory>> story(LinkId link) {
        return session.commands().thenCompose(r -> {
            RedisFuture<List<byte[]>> events = r.lrange(key("history:", link), 0, -1);
            RedisFuture<byte[]> first = r.get(key("history-first:", link));
            return events.thenCombine(first, (lines, firstLine) -> {
                if (lines.isEmpty()) {
                    return Optional.<LinkStory>empty();
                }
                List<HistoryEvent> out = new ArrayList<>(lines.size());
                for (byte[] line : lines) {
                    out.add(decode(new String(line, StandardCharsets.UTF_8)));
                }
                return Optional.of(new LinkStory(firstLine == null ? null
                        : decode(new String(firstLine, StandardCharsets.UTF_8)), out));
            });
        });
    }

    /** Writes that failed since start (Redis unreachable or slow): they are only logged at debug. */
    long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        session.close();
    }

    private void failed(Object ignored, Throwable e) {
        if (e != null) {
            failures.incrementAndGet();
            LOG.debug("link history write failed: {}", e.toString());
        }
    }

    private byte[] key(String kind, LinkId link) {
        return (prefix + kind + "{" + link.key() + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** One line: every field from a bounded set or sanitised, separated by tabs (none can hold one). */
    static String encode(HistoryEvent e) {
        return String.join(String.valueOf(SEP), Long.toString(e.at().getEpochSecond()), e.route(), e.method(),
                e.action().name(), e.reason(), e.verdict().name(), String.join(",", e.signals()), e.network(),
                e.networkList() == null ? "-" : e.networkList(), clean(e.client()), Integer.toString(e.major()),
                clean(e.replica()));
    }

    static HistoryEvent decode(String line) {
        String[] f = line.split(String.valueOf(SEP), -1);
        if (f.length != 12) {
            throw new IllegalStateException("a history line with " + f.length + " fields");
        }
        return new HistoryEvent(Instant.ofEpochSecond(Long.parseLong(f[0])), f[1], f[2], Action.valueOf(f[3]), f[4],
                Verdict.valueOf(f[5]), f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split(",")), f[7],
                f[8].equals("-") ? null : f[8], f[9], Integer.parseInt(f[10]), f[11]);
    }

    private static String clean(String s) {
        return s.replace(SEP, ' ').replace('\n', ' ');
    }
}
