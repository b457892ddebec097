package dev.linkgate.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryLinkHistoryTest extends LinkHistoryContract {

    @Override
    protected LinkHistory newHistory(int maxEvents, Duration ttl, MutableClock clock) {
        return new InMemoryLinkHistory(maxEvents, 1000, ttl, clock, "replica-a");
    }

    @Test
    void aHistoryExpiresTheLinksTtlAfterItsLastEvent() throws Exception {
        LinkId link = LinkId.of("old-link");
        history.record(link, scanner(clock.instant()));
        clock.advance(Duration.ofHours(71));
        history.record(link, person(clock.instant()));
        clock.advance(Duration.ofHours(71));
        assertEquals(2, story(history, link).orElseThrow().events().size(), "kept from the last event");
        clock.advance(Duration.ofHours(1));
        assertEquals(Optional.empty(), story(history, link));
        history.record(link, scanner(clock.instant()));
        assertEquals(1, story(history, link).orElseThrow().events().size(), "an expired story starts afresh");
    }

    @Test
    void beyondMaxLinksTheStalestGoFirst() throws Exception {
        InMemoryLinkHistory small = new InMemoryLinkHistory(2, 100, Duration.ofHours(72), clock, "r");
        Instant t0 = clock.instant();
        for (int i = 0; i < 1000; i++) {
            small.record(LinkId.of("link-" + i), scanner(t0.plusSeconds(i)));
        }
        assertEquals(100, small.size());
        assertTrue(story(small, LinkId.of("link-999")).isPresent(), "the newest link is kept");
        int survivorsOfTheFirstHalf = 0;
        for (int i = 0; i < 500; i++) {
            survivorsOfTheFirstHalf += story(small, LinkId.of("link-" + i)).isPresent() ? 1 : 0;
        }
        assertTrue(survivorsOfTheFirstHalf < 10, "old links are evicted first: " + survivorsOfTheFirstHalf);
        for (int i = 0; i < 1000; i++) { // every survivor is still found after the deletions moved entries
            Optional<LinkStory> s = story(small, LinkId.of("link-" + i));
            s.ifPresent(st -> assertEquals(1, st.events().size()));
        }
    }

    @Test
    void unboundedNamesFallBackToOtherInsteadOfGrowing() throws Exception {
        LinkId link = LinkId.of("many-agents");
        for (int i = 0; i < 300; i++) {
            history.record(link, new HistoryEvent(clock.instant(), "link", "GET", Action.INTERSTITIAL, "suspect",
                    Verdict.SUSPECT, List.of("x" + i), "203.0.113.0/24", null, "Agent" + i, 1, "replica-a"));
        }
        HistoryEvent last = story(history, link).orElseThrow().events().get(MAX_EVENTS - 1);
        assertEquals("other", last.client());
        assertEquals(List.of("other"), last.signals());
    }

    @Test
    void linksStillInUseOutliveAStreamOfNewOnesBeyondTheBound() throws Exception {
        InMemoryLinkHistory small = new InMemoryLinkHistory(2, 1000, Duration.ofHours(72), clock, "r");
        assertEquals(1, small.shards());
        for (int i = 0; i < 1000; i++) {
            clock.advance(Duration.ofSeconds(1));
            small.record(LinkId.of("first-" + i), scanner(clock.instant()));
        }
        // A tenth of the table stays in use while five tables' worth of new links arrive, one a second.
        for (int step = 0; step < 5000; step++) {
            clock.advance(Duration.ofSeconds(1));
            small.record(LinkId.of("new-" + step), scanner(clock.instant()));
            if (step % 10 == 0) {
                for (int h = 0; h < 100; h++) {
                    small.record(LinkId.of("first-" + h * 10), person(clock.instant()));
                }
            }
        }
        int inUse = 0;
        for (int h = 0; h < 100; h++) {
            inUse += story(small, LinkId.of("first-" + h * 10)).isPresent() ? 1 : 0;
        }
        assertTrue(inUse >= 97, "links with recent events are not the ones evicted: " + inUse + " of 100 kept");
        int idle = 0;
        for (int i = 1; i < 1000; i += 10) {
            idle += story(small, LinkId.of("first-" + i)).isPresent() ? 1 : 0;
        }
        assertEquals(0, idle, "links idle since the start are gone");
        int recent = 0;
        for (int step = 4900; step < 5000; step++) {
            recent += story(small, LinkId.of("new-" + step)).isPresent() ? 1 : 0;
        }
        assertTrue(recent >= 95, "the newest links are kept: " + recent + " of the last 100");
    }
}
