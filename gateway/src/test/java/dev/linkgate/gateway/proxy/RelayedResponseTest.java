package dev.linkgate.gateway.proxy;

import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passthrough responses to an HTTP/1.1 client are relayed as the upstream's bytes (UpstreamCodec's relay mode):
 * what a client sees, over a real socket, for the framings and head rules a byte relay must get right.
 */
class RelayedResponseTest {
    private static RawUpstream upstream;
    private static GatewayHarness gateway;

    @BeforeAll
    static void start() throws IOException {
        upstream = new RawUpstream(x -> {
            String path = x.request().requestLine().split(" ")[1];
            switch (path) {
                case "/close-delimited" -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the ");
                    x.write("upstream closes");
                    return false;
                }
                case "/chunked" -> x.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"
                        + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Sum: 11\r\n\r\n");
                case "/hop-by-hop" -> x.write("HTTP/1.1 200 OK\r\nConnection: close, X-Drop\r\nX-Drop: 1\r\n"
                        + "Keep-Alive: timeout=5\r\nX-Keep: 2\r\nContent-Length: 2\r\n\r\nok");
                case "/early-hints" -> x.write("HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                        + "HTTP/1.1 204 No Content\r\nX-After: hints\r\n\r\n");
                case "/bare-lf" -> {
                    x.write("HTTP/1.1 200 OK\nContent-Length: 2\r\n\r\nok");
                    return false;
                }
                case "/both-lengths" -> {
                    x.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "0\r\n\r\n");
                    return false;
                }
                default -> x.write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nfine");
            }
            return !path.equals("/hop-by-hop");
        });
        TestConfig config = TestConfig.defaults();
        config.upstream = upstream.uri();
        gateway = GatewayHarness.start(config, ScriptedPolicy.standard());
    }

    @AfterAll
    static void stop() throws IOException {
        gateway.close();
        upstream.close();
    }

    private static RawHttp.Response get(RawHttp client, String path) throws IOException {
        return client.send("GET " + path + " HTTP/1.1\r\nHost: app\r\n\r\n").read();
    }

    @Test
    void aBodyThatEndsWithTheUpstreamsCloseIsChunkedAndTheClientKeepsItsConnection() throws IOException {
        try (RawHttp client = gateway.raw()) {
            RawHttp.Response r = get(client, "/close-delimited");
            assertEquals(200, r.status());
            assertEquals("chunked", r.header("Transfer-Encoding"));
            assertEquals("until the upstream closes", r.bodyText());
            assertEquals("fine", get(client, "/next").bodyText(), "the client's connection serves on");
        }
    }

    @Test
    void aChunkedBodyArrivesWithItsChunksExtensionsAndTrailers() throws IOException {
        try (RawHttp client = gateway.raw()) {
            client.send("GET /chunked HTTP/1.1\r\nHost: app\r\n\r\n");
            String raw = client.readUntil("X-Sum: 11\r\n\r\n");
            assertTrue(raw.startsWith("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"), raw);
            assertTrue(raw.endsWith("\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Sum: 11\r\n\r\n"), raw);
            assertEquals("fine", get(client, "/next").bodyText());
        }
    }

    @Test
    void hopByHopFieldsAndThoseConnectionNamesStayBehindAndAnUpstreamCloseIsNotTheClients() throws IOException {
        try (RawHttp client = gateway.raw()) {
            RawHttp.Response r = get(client, "/hop-by-hop");
            assertEquals("ok", r.bodyText());
            assertEquals("2", r.header("X-Keep"));
            assertNull(r.header("X-Drop"));
            assertNull(r.header("Keep-Alive"));
            assertNull(r.header("Connection"));
            assertEquals("fine", get(client, "/next").bodyText(), "the client's connection is its own");
        }
    }

    @Test
    void informationalResponsesAreNotPassedOnAndANoContentResponseHasNoBody() throws IOException {
        try (RawHttp client = gateway.raw()) {
            RawHttp.Response r = get(client, "/early-hints");
            assertEquals(204, r.status());
            assertEquals("hints", r.header("X-After"));
            assertEquals("fine", get(client, "/next").bodyText());
        }
    }

    @Test
    void aResponseFramedAsNoRequestMayBeIsA502AndNeverRelayed() throws IOException {
        for (String path : new String[] {"/bare-lf", "/both-lengths"}) {
            try (RawHttp client = gateway.raw()) {
                RawHttp.Response r = get(client, path);
                assertEquals(502, r.status(), path);
                assertFalse(r.bodyText().contains("ok"), path);
            }
        }
    }
}
