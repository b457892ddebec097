package dev.linkgate.gateway.testing;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.policy.ClickPolicy;
import dev.linkgate.core.config.LinkgateConfig;
import dev.linkgate.core.session.BrowserCookies;
import dev.linkgate.core.token.ContinueTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The real click policy over the shipped scanner lists, an in-memory ledger and continue tokens. */
public final class Policies {
    private static Detector detector;

    private Policies() {
    }

    public static PolicyConfig config(Mode mode) {
        PolicyConfig d = PolicyConfig.defaults();
        return new PolicyConfig(mode, Duration.ofSeconds(5), d.linkTtl(), d.reclick(), d.continueTtl(),
                d.fanOutWindow(), d.staleMajors(), d.gestureDwell());
    }

    public static RecordedPolicy real(Mode mode) {
        PolicyConfig policy = config(mode);
        Clock clock = Clock.systemUTC();
        InMemoryClickLedger ledger = new InMemoryClickLedger(LedgerSettings.from(policy,
                dev.linkgate.core.config.StoreConfig.defaults()), clock);
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 5);
        ContinueTokens tokens = new ContinueTokens(secret, policy.continueTtl(), clock);
        return new RecordedPolicy(policy, detector(), ledger, tokens, null, clock);
    }

    /**
     * The real policy as {@code serve} assembles it from {@code config} (continue tokens, linkgate's browser
     * cookie, an in-memory ledger with the store's copy budget), over the shipped lists, on {@code clock}.
     */
    public static ClickPolicy real(LinkgateConfig config, Clock clock) {
        InMemoryClickLedger ledger = new InMemoryClickLedger(LedgerSettings.from(config.policy(), config.store()), clock);
        byte[] secret = config.secret().bytes();
        return new ClickPolicy(config.policy(), detector(), ledger,
                new ContinueTokens(secret, config.policy().continueTtl(), clock),
                new BrowserCookies(secret, config.policy().browserCookie(), config.policy().resumeWindow(), clock), clock);
    }

    /** Loaded once: the lists are the shipped ones under config/scanners/. */
    public static synchronized Detector detector() {
        if (detector == null) {
            Path root = Path.of(System.getProperty("linkgate.project.dir", ".."));
            try {
                detector = Detector.load(root.resolve("config/scanners/user-agents.txt"),
                        root.resolve("config/scanners/networks.txt"), List.of(), List.of(),
                        PolicyConfig.defaults().staleMajors());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return detector;
    }
}
