package dev.linkgate.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The readable account of how a decision was reached, which {@code explain} prints. Serving never reads it, so
 * there it is off: {@link #add} drops the line, and lines that cost something to make (numbers, instants,
 * reasons joined) are made only {@link #on() when on}.
 */
final class Trace {
    /** Off: lines are dropped, so one instance serves every decision. */
    private static final Trace OFF = new Trace(null);

    private final List<String> lines;

    private Trace(List<String> lines) {
        this.lines = lines;
    }

    /** A trace that keeps its lines ({@code explain}), or one that drops them (serving). */
    static Trace of(boolean kept) {
        return kept ? new Trace(new ArrayList<>()) : OFF;
    }

    /** Whether lines are kept: check before making one that costs more than a constant. */
    boolean on() {
        return lines != null;
    }

    void add(String line) {
        if (lines != null) {
            lines.add(line);
        }
    }

    /** The lines kept, in order; empty when off. */
    List<String> lines() {
        return lines == null ? List.of() : lines;
    }
}
