package dev.linkgate.core.history;

import dev.linkgate.core.detect.Verdict;

/** The kind of client an event came from, in support's words. */
public final class ClientKind {
    private ClientKind() {
    }

    /** A person, a scanner (a bot or a suspect from a scanner or cloud network), a bot, ... */
    public static String of(Verdict verdict, String networkList) {
        return switch (verdict) {
            case BOT -> networkList != null ? "scanner" : "bot";
            case SUSPECT -> networkList != null ? "scanner" : "suspected scanner";
            case UNCONFIRMED -> "unconfirmed browser";
            case HUMAN -> "person";
        };
    }
}
