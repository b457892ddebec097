package dev.linkgate.gateway.testing;

import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.config.Reclick;
import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.detect.Weight;
import dev.linkgate.core.ledger.InMemoryClickLedger;
import dev.linkgate.core.ledger.LedgerSettings;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.token.ContinueTokens;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The real click policy with a scripted verdict instead of the scanner lists: HEAD, tools and bots are BOT;
 * Chrome/80 and 40.94.0.0/16 are SUSPECT; a browser without fetch metadata is UNCONFIRMED; anything else is
 * HUMAN. The rest is the real thing: the in-memory ledger (claims, copies, fingerprints) and continue tokens.
 * Without linkgate's browser cookie, so the link flow's contract sees the app's responses unchanged.
 */
public final class ScriptedPolicy {
    private ScriptedPolicy() {
    }

    public static RecordedPolicy standard() {
        return of(Mode.BALANCED);
    }

    public static RecordedPolicy of(Mode mode) {
        Clock clock = Clock.systemUTC();
        PolicyConfig config = new PolicyConfig(mode, Duration.ofSeconds(5), Duration.ofDays(1), Reclick.INTERSTITIAL,
                Duration.ofMinutes(10), Duration.ofMinutes(1), 8, Duration.ofMillis(1));
        InMemoryClickLedger ledger = new InMemoryClickLedger(new LedgerSettings(config.linkTtl(), 10_000,
                config.fanOutWindow(), config.doubleClickWindow()), clock);
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 3);
        return new RecordedPolicy(config, ScriptedPolicy::classify, ledger,
                new ContinueTokens(secret, config.continueTtl(), clock), null, clock);
    }

    private static Classification classify(ClickRequest r) {
        Verdict v = verdict(r);
        return new Classification(v, v == Verdict.HUMAN ? List.of()
                : List.of(new Evidence("script", v == Verdict.UNCONFIRMED ? Weight.UNCONFIRMED : Weight.valueOf(v.name()),
                v.name().toLowerCase(Locale.ROOT))));
    }

    public static Verdict verdict(ClickRequest r) {
        String ua = r.userAgent() == null ? "" : r.userAgent().toLowerCase(Locale.ROOT);
        if (!"GET".equals(r.method()) || ua.isEmpty() || ua.contains("bot") || ua.contains("curl")) {
            return Verdict.BOT;
        }
        byte[] a = r.client().getAddress();
        if (ua.contains("chrome/80.") || (a.length == 4 && (a[0] & 0xff) == 40 && ((a[1] & 0xff) >> 1) == 46)) {
            return Verdict.SUSPECT;
        }
        return r.headers().get("Sec-Fetch-Mode") == null ? Verdict.UNCONFIRMED : Verdict.HUMAN;
    }
}
