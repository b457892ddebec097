package dev.linkgate.core.history;

import dev.linkgate.core.request.LinkId;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The last events of each link, for support ({@code GET /links/{token}}). Apart from the click ledger: it
 * never takes part in a decision, so a slow or failed write never delays or changes one. Keyed by
 * {@link LinkId}: it never holds a token.
 */
public interface LinkHistory extends AutoCloseable {

    /** Appends an event; never blocks and never throws (a history that cannot write loses the event). */
    void record(LinkId link, HistoryEvent event);

    /** The link's story, or empty when it has none (unknown, expired, or history is off). */
    CompletionStage<Optional<LinkStory>> story(LinkId link);

    /** False when nothing is kept ({@code store.history-events: 0}). */
    default boolean enabled() {
        return true;
    }

    @Override
    default void close() {
    }

    /** Keeps nothing. */
    LinkHistory OFF = new LinkHistory() {
        @Override
        public void record(LinkId link, HistoryEvent event) {
        }

        @Override
        public CompletionStage<Optional<LinkStory>> story(LinkId link) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public boolean enabled() {
            return false;
        }
    };
}
