package dev.linkgate.gateway.upstream;

import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upstream side: keep-alive reuse, retry, and never a connection that is out of step. */
class UpstreamConnectionsTest {
    private RawUpstream upstream;
    private GatewayHarness gateway;

    @AfterEach
    void stop() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private void start(RawUpstream.Behaviour behaviour, Duration upstreamIdle) throws IOException {
        upstream = new RawUpstream(behaviour);
        TestConfig c = TestConfig.defaults();
        c.upstream = upstream.uri();
        c.upstreamIdle = upstreamIdle;
        gateway = GatewayHarness.start(c, ScriptedPolicy.standard());
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static RawHttp.Response get(RawHttp client, String path) throws IOException {
        return client.send("GET " + path + " HTTP/1.1\r\nHost: app\r\n\r\n").read();
    }

    @Test
    void sequentialRequestsShareOneKeptAliveUpstreamConnection() throws Exception {
        start(x -> {
            x.write(ok("n" + x.request().number()));
            return true;
        }, Duration.ofSeconds(30));
        try (RawHttp client = gateway.raw()) {
            assertEquals("n1", get(client, "/a").bodyText());
            assertEquals("n2", get(client, "/b").bodyText());
            assertEquals("n3", get(client, "/c").bodyText());
        }
        assertEquals(1, upstream.connections.get());
    }

    @Test
    void anIdempotentRequestThatFailsOnAReusedConnectionIsRetriedOnceOnAFreshOne() throws Exception {
        start(x -> {
            if (x.request().connection() == 1 && x.request().number() == 2) {
                return false;  // the upstream gave up on the kept-alive connection as our request arrived
            }
            x.write(ok("from connection " + x.request().connection()));
            return true;
        }, Duration.ofSeconds(30));
        try (RawHttp client = gateway.raw()) {
            assertEquals("from connection 1", get(client, "/first").bodyText());
            RawHttp.Response retried = get(client, "/second");
            assertEquals(200, retried.status());
            assertEquals("from connection 2", retried.bodyText());
        }
        assertEquals(2, upstream.connections.get());
    }

    @Test
    void aPostThatFailsOnAReusedConnectionIsNotRetried() throws Exception {
        start(x -> {
            x.readBody();
            if (x.request().connection() == 1 && x.request().number() == 2) {
                return false;
            }
            x.write(ok("done"));
            return true;
        }, Duration.ofSeconds(30));
        try (RawHttp client = gateway.raw()) {
            assertEquals("done", get(client, "/first").bodyText());
            RawHttp.Response r = client.send("POST /pay HTTP/1.1\r\nHost: app\r\nContent-Length: 3\r\n\r\nabc").read();
            assertEquals(502, r.status());
        }
        assertEquals(2, upstream.requests.size());
    }

    @Test
    void anUpstreamThatAnswersBeforeTheRequestBodyIsThroughDoesNotKeepItsConnection() throws Exception {
        start(x -> {
            if (x.request().requestLine().startsWith("POST")) {
                x.write("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 4\r\n\r\nnope");
                x.readBody();
                return true;
            }
            x.write(ok("fresh"));
            return true;
        }, Duration.ofSeconds(30));
        try (RawHttp client = gateway.raw()) {
            RawHttp.Response early = client.send("POST /big HTTP/1.1\r\nHost: app\r\nContent-Length: 100000\r\n\r\n"
                    + "x".repeat(1000)).read();
            assertEquals(413, early.status());
            assertEquals("close", early.header("Connection"));
            assertTrue(client.closedByServer());
        }
        assertTrue(upstream.closedByGateway.tryAcquire(5, TimeUnit.SECONDS), "the upstream connection is closed");
        try (RawHttp client = gateway.raw()) {
            assertEquals("fresh", get(client, "/after").bodyText());
        }
        assertEquals(2, upstream.connections.get());
    }

    @Test
    void bytesPastTheEndOfAResponseNeverReachTheNextClient() throws Exception {
        start(x -> {
            if (x.request().connection() == 1) {
                x.write(ok("first") + ok("stray"));
            } else {
                x.write(ok("own answer"));
            }
            return true;
        }, Duration.ofSeconds(30));
        try (RawHttp client = gateway.raw()) {
            assertEquals("first", get(client, "/one").bodyText());
        }
        try (RawHttp other = gateway.raw()) {
            assertEquals("own answer", get(other, "/two").bodyText());
        }
        assertEquals(2, upstream.connections.get());
    }

    @Test
    void pooledConnectionsIdleOutOnTheGatewaysSide() throws Exception {
        start(x -> {
            x.write(ok("hello"));
            return true;
        }, Duration.ofMillis(200));
        try (RawHttp client = gateway.raw()) {
            assertEquals("hello", get(client, "/a").bodyText());
            assertTrue(upstream.closedByGateway.tryAcquire(5, TimeUnit.SECONDS), "idled out by the gateway");
            assertEquals("hello", get(client, "/b").bodyText());
        }
        assertEquals(2, upstream.connections.get());
    }
}
