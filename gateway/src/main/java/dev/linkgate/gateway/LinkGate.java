package dev.linkgate.gateway;

import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.ledger.ClickLedger;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.token.ContinueTokens;
import dev.linkgate.gateway.store.ClickLedgers;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

/**
 * What decides link clicks, assembled in one place for {@code serve} and {@code explain}: the detector (scanner
 * lists), the click ledger and the policy over them with its continue tokens and browser cookie. The ledger
 * outlives a configuration: {@link #reconfigured} builds a new detector and policy around the same ledger, so
 * that a reload keeps every link's state.
 */
public final class LinkGate implements AutoCloseable {
    /** An explained request's ledger holds its one link: a small bound keeps a fresh ledger per line cheap. */
    static final long EXPLAIN_LINKS = 1024;

    private final RequestClassifier detector;
    private final ClickLedger ledger;
    private final ClickPolicy policy;

    private LinkGate(LinkgateConfig config, RequestClassifier detector, ClickLedger ledger, Clock clock) {
        this.detector = detector;
        this.ledger = ledger;
        byte[] secret = config.secret().bytes();
        this.policy = new ClickPolicy(config.policy(), detector, ledger,
                new ContinueTokens(secret, config.policy().continueTtl(), clock),
                new BrowserCookies(secret, config.policy().browserCookie(), config.policy().resumeWindow(), clock),
                clock);
    }

    /** For {@code serve}: the ledger that {@code store} names (Redis connects in the background). */
    public static LinkGate serve(LinkgateConfig config, Clock clock, MeterRegistry registry) {
        Detector detector = detector(config);
        return new LinkGate(config, detector, ClickLedgers.create(config.store(),
                LedgerSettings.from(config.policy(), config.store()), clock, registry), clock);
    }

    /** For {@code explain}: a fresh in-memory ledger, so the request is judged as a link's first visit. */
    public static LinkGate explain(LinkgateConfig config, RequestClassifier detector, Clock clock) {
        LedgerSettings settings = LedgerSettings.from(config.policy(), config.store());
        return new LinkGate(config, detector, new InMemoryClickLedger(new LedgerSettings(settings.linkTtl(),
                EXPLAIN_LINKS, settings.fanOutWindow(), settings.responseRetention(), settings.resumeWindow(),
                settings.maxCopyMemory()), clock), clock);
    }

    /** A new detector and policy from {@code config} around this gate's ledger, which keeps every link's state. */
    public LinkGate reconfigured(LinkgateConfig config, Clock clock) {
        return new LinkGate(config, detector(config), ledger, clock);
    }

    /** The scanner lists that {@code detection} names (built in unless a file replaces one). */
    public static Detector detector(LinkgateConfig config) {
        return Detector.load(config.detection(), config.policy());
    }

    public ClickPolicy policy() {
        return policy;
    }

    public ClickLedger ledger() {
        return ledger;
    }

    public RequestClassifier detector() {
        return detector;
    }

    /** Closes the ledger (a Redis connection); the detector and policy hold nothing to close. */
    @Override
    public void close() {
        ledger.close();
    }
}
