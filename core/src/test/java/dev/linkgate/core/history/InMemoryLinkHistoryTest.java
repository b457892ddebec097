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
}
