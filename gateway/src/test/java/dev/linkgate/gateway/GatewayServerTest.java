package dev.linkgate.gateway;

import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.RawHttp;
import dev.linkgate.gateway.testing.RawUpstream;
import dev.linkgate.gateway.testing.RecordedPolicy;
import dev.linkgate.gateway.testing.ScriptedPolicy;
import dev.linkgate.gateway.testing.TestConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayServerTest {

    @Test
    void portZeroBindsAFreePortAndSaysWhichTransportItUses() {
        try (GatewayHarness gateway = GatewayHarness.start(TestConfig.defaults(),
                ScriptedPolicy.standard())) {
            assertTrue(gateway.port() > 0);
            assertTrue(List.of("io_uring", "epoll", "nio").contains(gateway.server.transport()),
                    gateway.server.transport());
        }
    }

    @Test
    void ioThreadsSetsTheEventLoopsAndOneLoopServesEveryConnection() throws Exception {
        try (RawUpstream upstream = new RawUpstream(x -> {
            x.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            return true;
        })) {
            TestConfig c = TestConfig.defaults();
            c.upstream = upstream.uri();
            try (GatewayHarness auto = GatewayHarness.start(c, ScriptedPolicy.standard())) {
                assertEquals(Runtime.getRuntime().availableProcessors(), auto.server.eventLoops());
            }
            c.ioThreads = 1;
            try (GatewayHarness gateway = GatewayHarness.start(c, ScriptedPolicy.standard())) {
                assertEquals(1, gateway.server.eventLoops());
                for (int i = 0; i < 4; i++) { // connections are spread over the loops: all on the one here
                    try (RawHttp client = gateway.raw()) {
                        client.send("GET /page HTTP/1.1\r\nHost: app\r\n\r\n");
                        RawHttp.Response r = client.read();
                        assertEquals(200, r.status());
                        assertEquals("ok", r.bodyText());
                    }
                }
            }
        }
    }

    @Test
    void closingStopsAcceptingAndLetsTheRequestInFlightFinish() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        try (RawUpstream upstream = new RawUpstream(x -> {
            arrived.countDown();
            await(answer);
            x.write("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nfinished");
            return true;
        })) {
            TestConfig c = TestConfig.defaults();
            c.upstream = upstream.uri();
            GatewayHarness gateway = GatewayHarness.start(c, ScriptedPolicy.standard());
            int port = gateway.port();
            try (RawHttp client = gateway.raw()) {
                client.send("GET /slow HTTP/1.1\r\nHost: app\r\n\r\n");
                assertTrue(arrived.await(5, TimeUnit.SECONDS));

                CompletableFuture<Void> closing = CompletableFuture.runAsync(
                        () -> gateway.server.close(Duration.ofSeconds(5)));
                awaitRefused(port);
                answer.countDown();

                RawHttp.Response r = client.read();
                assertEquals(200, r.status());
                assertEquals("finished", r.bodyText());
                assertTrue(client.closedByServer());
                closing.get(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Connects until the listener is gone: each refused (or reset) connect returns at once, so this waits on a
     * condition.
     */
    private static void awaitRefused(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (java.net.SocketException reset) {
                // Connected into the backlog just as the listener closed: the kernel reset it. Not accepting.
                return;
            }
        }
        throw new AssertionError("the gateway still accepts connections");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
