package dev.linkgate.gateway.http1;

import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.Poll;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's click whose chunked body the parser refuses after the link flow forwarded it: the client gets 400
 * and a close, the upstream never a complete request, and the claim is released, so the link is not burnt: the
 * next, well-formed click is forwarded and answered by the app.
 */
class RefusedLinkBodyTest {
    private RecordingUpstream upstream;
    private RecordedPolicy policy;
    private GatewayHarness gateway;

    @BeforeEach
    void start() throws Exception {
        upstream = new RecordingUpstream();
        TestConfig config = TestConfig.defaults();
        config.upstream = upstream.uri();
        policy = ScriptedPolicy.standard();
        gateway = GatewayHarness.start(config, policy);
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    private static String click(String extra) {
        return "GET /sign/refused-body-01 HTTP/1.1\r\nHost: sign.example\r\nUser-Agent: " + GatewayHarness.CHROME
                + "\r\nAccept: text/html\r\nSec-Fetch-Site: none\r\nSec-Fetch-Mode: navigate\r\n"
                + "Sec-Fetch-Dest: document\r\nSec-Fetch-User: ?1\r\n" + extra + "\r\n";
    }

    @Test
    void aClickWhoseChunkedBodyIsRefusedDoesNotBurnTheLink() throws Exception {
        try (WireClient client = new WireClient(gateway.port())) {
            client.send((click("Transfer-Encoding: chunked\r\n") + "5\r\nhello\r\nzz\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(400, client.read(false).status());
            assertTrue(client.closedByServer());
        }
        assertTrue(Poll.until(Duration.ofSeconds(5), () -> policy.released.get() == 1), "the claim is released");
        assertEquals(0, policy.completed.get(), "and never completed");
        try (WireClient client = new WireClient(gateway.port())) {
            client.send(click("").getBytes(StandardCharsets.ISO_8859_1));
            WireClient.Response r = client.read(false);
            assertEquals(200, r.status());
            assertEquals("GET /sign/refused-body-01", r.header("X-Echo"), "the app's answer, not linkgate's page");
        }
        // The app's threads may record heads out of order under load; connections are numbered as accepted.
        List<RawUpstream.Request> heads = List.copyOf(upstream.heads());
        int second = heads.stream().mapToInt(RawUpstream.Request::connection).max().orElseThrow();
        for (RawUpstream.Request head : heads) {
            assertTrue(Poll.until(Duration.ofSeconds(5), () -> upstream.seen(head) != null));
            assertEquals(head.connection() == second, upstream.seen(head).complete(),
                    "only the second click reaches the app whole");
        }
        assertEquals(1, policy.completed.get(), "the second click claimed and completed the link");
    }
}
