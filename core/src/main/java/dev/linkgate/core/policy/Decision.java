package dev.linkgate.core.policy;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.ledger.BrowserId;
import dev.linkgate.core.ledger.LinkView;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.request.LinkId;

import java.util.List;

/**
 * The policy's answer for one link request.
 *
 * @param action         what the gateway does now (in monitor mode always FORWARD)
 * @param reason         why, a bounded set used as a metric label
 * @param wouldHave      what the policy decided; differs from {@code action} only in monitor mode
 * @param classification the detection verdict with its evidence
 * @param link           the link's ledger id
 * @param fingerprint    the requesting browser
 * @param view           the ledger's view of the link after this request (null for PASS/REJECT)
 * @param claimed        this request holds the link's claim: the gateway must report the forward's outcome
 * @param interstitial   what the Continue page needs (only for INTERSTITIAL on GET)
 * @param trace          a readable account of how the decision was reached
 * @param cookie         linkgate's browser cookie to set on this claimed forward's response (null: none)
 * @param browser        the browser the request's cookie names (null: none); a RESUME fetches its copy
 */
public record Decision(Action action, Reason reason, Action wouldHave, Classification classification, LinkId link,
                       long fingerprint, LinkView view, boolean claimed, Interstitial interstitial,
                       List<String> trace, BrowserCookies.Minted cookie, BrowserId browser) {
    public Decision {
        trace = List.copyOf(trace);
    }

    public Decision(Action action, Reason reason, Action wouldHave, Classification classification, LinkId link,
                    long fingerprint, LinkView view, boolean claimed, Interstitial interstitial, List<String> trace) {
        this(action, reason, wouldHave, classification, link, fingerprint, view, claimed, interstitial, trace, null,
                null);
    }

    /** The browser this claimed forward settles the link for (null when no cookie is set). */
    public BrowserId owner() {
        return cookie == null ? null : cookie.browser();
    }

    public boolean monitored() {
        return action != wouldHave;
    }
}
