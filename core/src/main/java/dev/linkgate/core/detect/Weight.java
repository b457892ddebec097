package dev.linkgate.core.detect;

/** How strongly one piece of evidence speaks. The verdict is the strongest weight among the evidence. */
public enum Weight {
    BOT, SUSPECT, UNCONFIRMED, CONFIRMS_BROWSER,
    /** Recorded for metrics and traces (e.g. an unreadable send time) but says nothing about who sent it. */
    NOTE;

    Verdict verdict() {
        return switch (this) {
            case BOT -> Verdict.BOT;
            case SUSPECT -> Verdict.SUSPECT;
            case UNCONFIRMED -> Verdict.UNCONFIRMED;
            case CONFIRMS_BROWSER, NOTE -> Verdict.HUMAN;
        };
    }
}
