package dev.linkgate.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.linkgate.core.detect.Classification;
import dev.linkgate.core.detect.Evidence;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.detect.Weight;
import dev.linkgate.core.policy.Action;
import dev.linkgate.core.policy.Decision;
import dev.linkgate.core.policy.Reason;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.LinkId;
import dev.linkgate.core.request.RequestHeaders;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryEventTest {
    private static final String TOKEN = "tok3n-that-is-a-credential";

    @Test
    void anEventKeepsTheNetworkAndTheAgentFamilyNeverTheAddressOrTheString() throws Exception {
        String ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/109.0.0.0 Safari/537.36 session=" + TOKEN;
        ClickRequest click = new ClickRequest("HEAD", "/sign/" + TOKEN, null, TOKEN,
                InetAddress.getByName("40.92.18.77"), RequestHeaders.of(Map.of("User-Agent", ua)),
                Instant.parse("2026-12-02T10:01:03.750Z"));
        Classification c = Classification.of(List.of(new Evidence("method", Weight.BOT, "method_head"),
                new Evidence("network", Weight.SUSPECT, "scanner_network", "microsoft-eop 40.92.0.0/15")));
        Decision d = new Decision(Action.INTERSTITIAL, Reason.BOT, Action.INTERSTITIAL, c, LinkId.of(TOKEN), 1L, null,
                false, null, List.of(), null, null);

        HistoryEvent e = HistoryEvent.of(click, "link", d, "replica-a");

        assertEquals(new HistoryEvent(Instant.parse("2026-12-02T10:01:03Z"), "link", "HEAD", Action.INTERSTITIAL,
                "bot", Verdict.BOT, List.of("method_head", "scanner_network"), "40.92.18.0/24", "microsoft-eop",
                "Chrome", 109, "replica-a"), e);
        assertFalse(e.toString().contains(TOKEN));
        assertFalse(e.toString().contains("40.92.18.77"));
    }

    @Test
    void agentFamilies() {
        assertEquals(new UserAgentFamily("curl", 8), UserAgentFamily.of("curl/8.5.0"));
        assertEquals(new UserAgentFamily("none", 0), UserAgentFamily.of(null));
        assertEquals(new UserAgentFamily("none", 0), UserAgentFamily.of("  "));
        assertEquals(new UserAgentFamily("python-requests", 2), UserAgentFamily.of("python-requests/2.31"));
        assertEquals(new UserAgentFamily("other", 0), UserAgentFamily.of("<script>"));
        assertEquals("Safari 17", UserAgentFamily.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"
                + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15").toString());
        assertEquals(24, UserAgentFamily.of("A".repeat(100)).family().length());
    }

    @Test
    void clientKinds() {
        assertEquals("scanner", ClientKind.of(Verdict.BOT, "microsoft-eop"));
        assertEquals("bot", ClientKind.of(Verdict.BOT, null));
        assertEquals("scanner", ClientKind.of(Verdict.SUSPECT, "azure"));
        assertEquals("suspected scanner", ClientKind.of(Verdict.SUSPECT, null));
        assertEquals("person", ClientKind.of(Verdict.HUMAN, null));
    }
}
