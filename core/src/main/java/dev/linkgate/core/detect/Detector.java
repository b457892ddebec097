package dev.linkgate.core.detect;

import dev.linkgate.core.request.ClickRequest;

/**
 * Runs every request-local signal over a link request (method, user agent, stale browser, scanner network,
 * browser consistency). Fan-out needs the ledger's view of recent requesters, so the policy adds it later
 * with {@link #fanOut(int)}.
 */
public final class Detector implements RequestClassifier {
    // PLACEHOLDER: the detection work fills this in (UserAgentRules, ScannerNetworks, StaleBrowsers, ...).

    public Classification classify(ClickRequest request) {
        throw new UnsupportedOperationException("detection not built yet");
    }

    /** Evidence for fan-out: the link was fetched from this many distinct networks within the window. */
    public static Evidence fanOut(int distinctNetworks) {
        return new Evidence("fan_out", Weight.SUSPECT, "fan_out", distinctNetworks + " networks within the window");
    }
}
