package dev.linkgate.gateway.reload;

import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.token.ContinueTokens;
import dev.linkgate.gateway.page.InterstitialPage;

import java.time.Clock;
import java.time.Duration;

/**
 * The parts of the running gateway that a reload replaces, all built from one config: the policy (with its
 * detector, continue tokens and browser cookie) over the process's one ledger, and the pages. The one assembly
 * of detector, ledger and policy, for {@code serve}, a reload and {@code explain}. Immutable; the gateway swaps the
 * whole snapshot at once, and a request reads it once and keeps it to its end.
 *
 * @param tokens kept so that the next reload can rotate from them (null when the policy was built elsewhere)
 */
public record LiveConfig(LinkgateConfig config, ClickPolicy policy, InterstitialPage pages, ContinueTokens tokens) {

    /**
     * Builds everything {@code config} describes around {@code ledger}, which outlives every reload.
     *
     * @param previous the running tokens, whose secret stays valid for the continue TTL if the secret changed;
     *                 null at start
     * @throws RuntimeException as {@code check-config} reports it (a list, template or logo that cannot be used)
     */
    public static LiveConfig assemble(LinkgateConfig config, ClickLedger ledger, ContinueTokens previous, Clock clock) {
        return assemble(config, detector(config), ledger, previous, clock);
    }

    /** As above with a given detector ({@code explain} is tested with a scripted one). */
    public static LiveConfig assemble(LinkgateConfig config, RequestClassifier detector, ClickLedger ledger,
                                      ContinueTokens previous, Clock clock) {
        return assemble(config, detector, ledger, previous, null, clock);
    }

    /**
     * The config a reload loaded, around the same ledger: continue tokens and browser cookies signed with this
     * snapshot's secret stay valid (for the continue TTL and the resume window) if the secret changed.
     */
    public LiveConfig next(LinkgateConfig loaded, ClickLedger ledger, Clock clock) {
        return assemble(loaded, detector(loaded), ledger, tokens, policy.cookies(), clock);
    }

    private static LiveConfig assemble(LinkgateConfig config, RequestClassifier detector, ClickLedger ledger,
                                       ContinueTokens previous, BrowserCookies previousCookies, Clock clock) {
        InterstitialPage pages = InterstitialPage.create(config.interstitial());
        ContinueTokens tokens = previous == null
                ? new ContinueTokens(config.secret().bytes(), config.policy().continueTtl(), clock)
                : previous.rotate(config.secret().bytes(), config.policy().continueTtl());
        // Null when resume was off; then it still is (policy.resume-window needs a restart).
        BrowserCookies cookies = previousCookies == null
                ? new BrowserCookies(config.secret().bytes(), config.policy().browserCookie(),
                        config.policy().resumeWindow(), clock)
                : previousCookies.rotate(config.secret().bytes(), config.policy().browserCookie());
        ClickPolicy policy = new ClickPolicy(config.policy(), detector, ledger, tokens, cookies, clock);
        return new LiveConfig(config, policy, pages, tokens);
    }

    /** The largest first response copied for a double click. */
    public int maxCoalesceBody() {
        return config.server().maxCoalesceBody().toIntBytes();
    }

    /** How long a double click waits for the first response: the upstream response timeout. */
    public Duration coalesceWait() {
        return config.upstream().responseTimeout();
    }

    /** The scanner lists {@code detection} names (a missing or bad list is a ConfigException naming its key). */
    public static Detector detector(LinkgateConfig config) {
        return Detector.load(config.detection(), config.policy(), config.links());
    }
}
