package dev.linkgate.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The history's storage (inline events, blocks, dense slots, shards) against a plain model of what a story is:
 * the last {@code maxEvents} events of the link and the first forward ever recorded for it.
 */
class HistoryStorageTest {
    private static final Duration TTL = Duration.ofHours(72);
    private static final Action[] ACTIONS = Action.values();
    private static final Verdict[] VERDICTS = Verdict.values();
    /** Signals come back in the order the process first saw them: every event names a prefix of these. */
    private static final List<String> SIGNALS = List.of("method_head", "scanner_network", "stale_major", "no_cookie");
    private final MutableClock clock = MutableClock.at("2026-12-02T10:01:03Z");
    private final Random random = new Random(15);

    /** What a store must answer: every event since the history began, oldest first. */
    private final Map<LinkId, List<HistoryEvent>> model = new HashMap<>();

    @Test
    void everyEventCountAndRingSizeTellsTheSameStoryAsTheModel() throws Exception {
        for (int maxEvents : new int[] {1, 2, 3, 4, 8}) {
            model.clear();
            InMemoryLinkHistory history = new InMemoryLinkHistory(maxEvents, 1000, TTL, clock, "replica-a");
            for (int n = 0; n <= 12; n++) {
                LinkId link = LinkId.of("events-" + maxEvents + "-" + n);
                for (int i = 0; i < n; i++) {
                    record(history, link, randomEvent());
                }
                assertStory(history, link, maxEvents);
            }
        }
    }

    @Test
    void theFirstOpenOutlivesTheRingWhetherItWasInlineOrInABlock() throws Exception {
        for (int maxEvents : new int[] {1, 2, 3}) {
            model.clear();
            InMemoryLinkHistory history = new InMemoryLinkHistory(maxEvents, 1000, TTL, clock, "replica-a");
            LinkId link = LinkId.of("scanner-person-scanners-" + maxEvents);
            record(history, link, event(Action.INTERSTITIAL, 0));
            record(history, link, event(Action.FORWARD, 1));
            assertEquals(0, history.linksInBlocks(), "a scanner and the person fit inline");
            for (int i = 2; i < 10; i++) {
                record(history, link, event(Action.INTERSTITIAL, i));
                assertStory(history, link, maxEvents);
            }
            assertEquals(event(Action.FORWARD, 1), story(history, link).orElseThrow().firstOpen());
            assertEquals(1, history.linksInBlocks(), "the first open kept apart needs a block");
        }
    }

    @Test
    void twoEventsStayInlineAndMoreMoveToABlock() throws Exception {
        InMemoryLinkHistory history = new InMemoryLinkHistory(8, 1000, TTL, clock, "replica-a");
        for (int i = 0; i < 100; i++) {
            LinkId link = LinkId.of("common-" + i);
            record(history, link, event(Action.INTERSTITIAL, 0));
            record(history, link, event(Action.FORWARD, 1));
        }
        assertEquals(0, history.linksInBlocks());
        for (int i = 0; i < 10; i++) {
            record(history, LinkId.of("common-" + i), event(Action.RESUME, 2));
        }
        assertEquals(10, history.linksInBlocks());
        for (int i = 0; i < 100; i++) {
            assertStory(history, LinkId.of("common-" + i), 8);
        }
    }

    @Test
    void anExpiredLinkGivesItsBlockBackAndStartsAfresh() throws Exception {
        InMemoryLinkHistory history = new InMemoryLinkHistory(4, 1000, TTL, clock, "replica-a");
        LinkId link = LinkId.of("expires");
        for (int i = 0; i < 6; i++) {
            record(history, link, randomEvent());
        }
        assertEquals(1, history.linksInBlocks());
        clock.advance(TTL);
        assertEquals(Optional.empty(), story(history, link));
        model.remove(link);
        record(history, link, event(Action.INTERSTITIAL, 0));
        assertEquals(0, history.linksInBlocks(), "the block went back to the free list");
        assertStory(history, link, 4);
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 5; i++) {
                record(history, link, randomEvent());
            }
            clock.advance(TTL);
            model.remove(link);
        }
        assertEquals(1, history.linksInBlocks(), "one block reused, not one per life of the link");
    }

    @Test
    void anEvictedLinksSlotGoesToTheNewLinkAndEveryLinkLeftIsStillFoundWhole() throws Exception {
        InMemoryLinkHistory history = new InMemoryLinkHistory(3, 64, TTL, clock, "replica-a");
        assertEquals(1, history.shards());
        List<LinkId> links = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            clock.advance(Duration.ofSeconds(1));
            LinkId link = i < 200 || random.nextInt(3) > 0 ? LinkId.of("evict-" + i) : links.get(random.nextInt(links.size()));
            links.add(link);
            if (story(history, link).isEmpty()) {
                model.remove(link); // evicted since: its next event starts its story afresh
            }
            int events = 1 + random.nextInt(5);
            for (int e = 0; e < events; e++) {
                record(history, link, randomEvent());
            }
            if (i % 97 == 0) {
                assertEveryKeptLinkMatches(history, links, 3);
            }
        }
        assertEquals(64, history.size());
        int kept = assertEveryKeptLinkMatches(history, links, 3);
        assertEquals(64, kept, "size counts exactly the links that are found");
        assertTrue(history.linksInBlocks() <= 64, "evicted links gave their blocks back: " + history.linksInBlocks());
    }

    @Test
    void aTableGrowsByDoublingUpToItsBoundAndFindsEveryLinkAfterEachGrowth() throws Exception {
        PackedEvents codec = new PackedEvents("replica-a");
        HistoryTable table = new HistoryTable(3000, 8, codec, 42);
        long now = clock.instant().getEpochSecond();
        HistoryEvent event = event(Action.FORWARD, 0);
        assertEquals(16, table.capacity());
        for (int i = 0; i < 3000; i++) {
            table.record(i * 0x9E37_79B9_7F4A_7C15L, i, event, now, TTL.toSeconds());
        }
        assertEquals(3000, table.capacity(), "doubled from 16, then capped at the bound");
        assertEquals(3000, table.size());
        for (int i = 0; i < 3000; i++) {
            LinkStory s = table.story(i * 0x9E37_79B9_7F4A_7C15L, i, now, TTL.toSeconds());
            assertEquals(new LinkStory(event, List.of(event)), s, "link " + i);
        }
        assertEquals(null, table.story(-1, -1, now, TTL.toSeconds()));
    }

    @Test
    void manyLinksSpreadOverShardsWhoseBoundsAddUpToMaxLinks() throws Exception {
        InMemoryLinkHistory history = new InMemoryLinkHistory(8, 100_000, TTL, clock, "replica-a");
        assertEquals(16, history.shards());
        HistoryEvent scanner = event(Action.INTERSTITIAL, 0);
        HistoryEvent person = event(Action.FORWARD, 1);
        for (int i = 0; i < 150_000; i++) {
            LinkId link = LinkId.of("many-" + i);
            history.record(link, scanner);
            history.record(link, person);
        }
        assertEquals(100_000, history.size(), "every shard full, none beyond its share");
        assertEquals(0, history.linksInBlocks());
        int found = 0;
        for (int i = 0; i < 150_000; i += 10) {
            Optional<LinkStory> s = story(history, LinkId.of("many-" + i));
            if (s.isPresent()) {
                found++;
                assertEquals(new LinkStory(person, List.of(scanner, person)), s.get());
            }
        }
        assertTrue(found > 9_000 && found < 11_000, "about two thirds of the links are kept: " + found);
    }

    private int assertEveryKeptLinkMatches(InMemoryLinkHistory history, List<LinkId> links, int maxEvents)
            throws Exception {
        int kept = 0;
        for (LinkId link : new LinkedHashSet<>(links)) {
            if (story(history, link).isPresent()) {
                kept++;
                assertStory(history, link, maxEvents);
            }
        }
        assertEquals(history.size(), kept);
        return kept;
    }

    private void record(InMemoryLinkHistory history, LinkId link, HistoryEvent event) {
        history.record(link, event);
        model.computeIfAbsent(link, l -> new ArrayList<>()).add(event);
    }

    private void assertStory(InMemoryLinkHistory history, LinkId link, int maxEvents) throws Exception {
        List<HistoryEvent> all = model.getOrDefault(link, List.of());
        if (all.isEmpty()) {
            assertEquals(Optional.empty(), story(history, link));
            return;
        }
        HistoryEvent first = all.stream().filter(HistoryEvent::opened).findFirst().orElse(null);
        LinkStory expected = new LinkStory(first, all.subList(Math.max(0, all.size() - maxEvents), all.size()));
        assertEquals(expected, story(history, link).orElseThrow(), link + " after " + all.size() + " events");
    }

    private HistoryEvent randomEvent() {
        return event(ACTIONS[random.nextInt(ACTIONS.length)], random.nextInt(1_000_000));
    }

    /** A real event whose fields all vary with {@code n}, IPv4 and IPv6 alike. */
    private HistoryEvent event(Action action, int n) {
        String network = n % 2 == 0 ? (n % 256) + "." + (n / 256 % 256) + ".7.0/24" : "2001:db8:" + Integer.toHexString(n % 65536) + "::/48";
        return new HistoryEvent(clock.instant().minusSeconds(n % 600), n % 3 == 0 ? "continue" : "link",
                List.of("GET", "HEAD", "POST").get(n % 3), action, "reason-" + n % 7, VERDICTS[n % VERDICTS.length],
                SIGNALS.subList(0, n % 5), network,
                n % 4 == 0 ? null : "list-" + n % 3, "Agent" + n % 9, n % 200, "replica-a");
    }

    private static Optional<LinkStory> story(LinkHistory h, LinkId link) throws Exception {
        return h.story(link).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
