package dev.linkgate.core.detect;

import java.util.ArrayList;
import java.util.List;

/** The verdict on a request and all the evidence behind it. */
public record Classification(Verdict verdict, List<Evidence> evidence) {
    public Classification {
        evidence = List.copyOf(evidence);
    }

    /** The verdict is the strongest weight among the evidence; no evidence at all is UNCONFIRMED. */
    public static Classification of(List<Evidence> evidence) {
        Verdict v = Verdict.HUMAN;
        boolean confirmed = false;
        for (Evidence e : evidence) {
            if (e.weight() == Weight.CONFIRMS_BROWSER) {
                confirmed = true;
            } else if (e.weight().verdict().ordinal() < v.ordinal()) {
                v = e.weight().verdict();
            }
        }
        if (v == Verdict.HUMAN && !confirmed) {
            v = Verdict.UNCONFIRMED;
        }
        return new Classification(v, evidence);
    }

    /** Adds evidence found later (fan-out needs the ledger) and recomputes the verdict. */
    public Classification with(Evidence more) {
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(more);
        return of(all);
    }

    /** True when any evidence is a scanner signal (BOT or SUSPECT). */
    public boolean hasScannerSignal() {
        return verdict == Verdict.BOT || verdict == Verdict.SUSPECT;
    }

    /** Reason codes of every piece of evidence, browser confirmations included. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            out.add(e.reason());
        }
        return out;
    }
}
