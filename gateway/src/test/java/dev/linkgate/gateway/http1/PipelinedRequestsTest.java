package dev.linkgate.gateway.http1;

import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pipelining over one socket: requests written together are answered in order, one answer each, and reach the
 * upstream as the same requests, a chunked body in the middle relayed whole and only as far as its own end.
 */
class PipelinedRequestsTest {
    private static final String ONE = "GET /one HTTP/1.1\r\nHost: app.example\r\n\r\n";
    /** Its data looks like the end of a body and a request: only the framing says where the body ends. */
    private static final String TWO = "POST /two HTTP/1.1\r\nHost: app.example\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n" + "1f\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n\r\n" + "0\r\n\r\n";
    private static final String THREE = "PUT /three HTTP/1.1\r\nHost: app.example\r\nContent-Length: 3\r\n\r\nabc";

    private RecordingUpstream upstream;
    private GatewayHarness gateway;

    @BeforeEach
    void start() throws Exception {
        upstream = new RecordingUpstream();
        TestConfig config = TestConfig.defaults();
        config.upstream = upstream.uri();
        gateway = GatewayHarness.start(config, ScriptedPolicy.standard());
    }

    @AfterEach
    void stop() throws Exception {
        gateway.close();
        upstream.close();
    }

    @Test
    void threeRequestsInOneWriteTheSecondChunkedGetThreeAnswersInOrder() throws Exception {
        try (WireClient client = new WireClient(gateway.port())) {
            client.send((ONE + TWO + THREE).getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("GET /one", client.read(false).header("X-Echo"));
            assertEquals("POST /two", client.read(false).header("X-Echo"));
            assertEquals("PUT /three", client.read(false).header("X-Echo"));
            client.send("GET /four HTTP/1.1\r\nHost: app.example\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("GET /four", client.read(false).header("X-Echo"), "the connection stays open");
        }
        List<RawUpstream.Request> heads = List.copyOf(upstream.heads());
        assertEquals(List.of("GET /one HTTP/1.1", "POST /two HTTP/1.1", "PUT /three HTTP/1.1", "GET /four HTTP/1.1"),
                heads.stream().map(RawUpstream.Request::requestLine).toList(), "and no smuggled one");
        assertEquals("chunked", heads.get(1).header("Transfer-Encoding"), "the body arrives chunked");
        assertArrayEquals(new byte[0], upstream.seen(heads.get(0)).data());
        assertEquals("hello0\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n",
                new String(upstream.seen(heads.get(1)).data(), StandardCharsets.ISO_8859_1));
        assertEquals("abc", new String(upstream.seen(heads.get(2)).data(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aRefusedSecondRequestEndsTheConnectionAfterTheFirstIsAnsweredAndTheThirdIsNeverRead() throws Exception {
        String bad = "POST /two HTTP/1.1\r\nHost: app.example\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n"
                + "\r\n0\r\n\r\n";
        try (WireClient client = new WireClient(gateway.port())) {
            client.send((ONE + bad + THREE).getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("GET /one", client.read(false).header("X-Echo"));
            assertEquals(400, client.read(false).status());
            assertTrue(client.closedByServer());
        }
        assertEquals(List.of("GET /one HTTP/1.1"),
                List.copyOf(upstream.heads()).stream().map(RawUpstream.Request::requestLine).toList());
    }
}
