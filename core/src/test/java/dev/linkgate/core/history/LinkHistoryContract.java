package dev.linkgate.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LinkHistory} store keeps; the same tests run in memory and on Redis. */
public abstract class LinkHistoryContract {
    protected static final int MAX_EVENTS = 4;
    protected final MutableClock clock = MutableClock.at("2026-12-02T10:01:03Z");
    protected LinkHistory history;

    protected abstract LinkHistory newHistory(int maxEvents, Duration ttl, MutableClock clock) throws Exception;

    @BeforeEach
    void open() throws Exception {
        history = newHistory(MAX_EVENTS, Duration.ofHours(72), clock);
    }

    @AfterEach
    void close() {
        history.close();
    }

    protected static Optional<LinkStory> story(LinkHistory h, LinkId link) throws Exception {
        return h.story(link).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    protected static HistoryEvent scanner(Instant at) {
        return new HistoryEvent(at, "link", "HEAD", Action.INTERSTITIAL, "bot", Verdict.BOT,
                List.of("method_head", "scanner_network"), "40.92.18.0/24", "microsoft-eop", "Chrome", 109, "replica-a");
    }

    protected static HistoryEvent person(Instant at) {
        return new HistoryEvent(at, "link", "GET", Action.FORWARD, "first_click", Verdict.HUMAN,
                List.of("browser_confirmed"), "2001:db8:1::/48", null, "Firefox", 133, "replica-a");
    }

    protected static HistoryEvent reclick(Instant at) {
        return new HistoryEvent(at, "continue", "POST", Action.FORWARD, "continued", Verdict.UNCONFIRMED,
                List.of(), "203.0.113.0/24", null, "none", 0, "replica-a");
    }

    @Test
    void anUnknownLinkHasNoStory() throws Exception {
        assertEquals(Optional.empty(), story(history, LinkId.of("never-seen")));
    }

    @Test
    void eventsComeBackOldestFirstWithEveryField() throws Exception {
        LinkId link = LinkId.of("link-one");
        Instant t0 = clock.instant();
        history.record(link, scanner(t0));
        history.record(link, person(t0.plusSeconds(6)));
        history.record(link, reclick(t0.plusSeconds(70)));

        LinkStory s = story(history, link).orElseThrow();
        assertEquals(List.of(scanner(t0), person(t0.plusSeconds(6)), reclick(t0.plusSeconds(70))), s.events());
        assertEquals(person(t0.plusSeconds(6)), s.firstOpen());
    }

    @Test
    void aLinkNeverOpenedHasNoFirstOpen() throws Exception {
        LinkId link = LinkId.of("scanned-only");
        history.record(link, scanner(clock.instant()));
        assertNull(story(history, link).orElseThrow().firstOpen());
    }

    @Test
    void onlyTheLastEventsAreKeptButTheFirstOpenStays() throws Exception {
        LinkId link = LinkId.of("busy-link");
        Instant t0 = clock.instant();
        history.record(link, person(t0));
        for (int i = 1; i <= 10; i++) {
            history.record(link, scanner(t0.plusSeconds(i)));
        }
        LinkStory s = story(history, link).orElseThrow();
        assertEquals(MAX_EVENTS, s.events().size());
        assertEquals(t0.plusSeconds(7), s.events().get(0).at());
        assertEquals(t0.plusSeconds(10), s.events().get(MAX_EVENTS - 1).at());
        assertEquals(person(t0), s.firstOpen());
    }

    @Test
    void theFirstOpenIsTheFirstForwardNotALaterOne() throws Exception {
        LinkId link = LinkId.of("opened-twice");
        Instant t0 = clock.instant();
        history.record(link, person(t0));
        history.record(link, reclick(t0.plusSeconds(100)));
        assertEquals(person(t0), story(history, link).orElseThrow().firstOpen());
    }

    @Test
    void linksDoNotMix() throws Exception {
        LinkId a = LinkId.of("link-a");
        LinkId b = LinkId.of("link-b");
        history.record(a, scanner(clock.instant()));
        history.record(b, person(clock.instant()));
        assertEquals(List.of(scanner(clock.instant())), story(history, a).orElseThrow().events());
        assertEquals(List.of(person(clock.instant())), story(history, b).orElseThrow().events());
        assertTrue(history.enabled());
    }
}
