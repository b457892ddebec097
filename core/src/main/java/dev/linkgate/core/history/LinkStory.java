package dev.linkgate.core.history;

import java.util.List;

/**
 * What happened to one link: its first open (kept even after it scrolled out of the last events) and its last
 * events, oldest first.
 *
 * @param firstOpen the first forwarded request, or null when the link was never opened
 */
public record LinkStory(HistoryEvent firstOpen, List<HistoryEvent> events) {
    public LinkStory {
        events = List.copyOf(events);
    }
}
