package dev.linkgate.gateway;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.linkgate.core.config.Mode;
import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.gateway.testing.GatewayHarness;
import dev.linkgate.gateway.testing.Policies;
import dev.linkgate.gateway.testing.RawHttp;
import dev.linkgate.gateway.testing.TestConfig;
import dev.linkgate.gateway.testing.WireMockUpstream;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code server.transport}: each kernel interface serves the same traffic the same way, end to end (the rest of
 * the suite runs on what {@code auto} picks here, io_uring), and {@code auto} picks the best one this machine has.
 * io_uring and epoll are the kernel's: a machine without them fails here, saying so, rather than skipping.
 */
class TransportTest {
    @RegisterExtension
    static final WireMockExtension upstream = WireMockUpstream.perClass();
    private static final byte[] UPLOAD = bytes(1 << 20, 1);
    private static final byte[] DOWNLOAD = bytes(4 << 20, 2);

    @BeforeEach
    void reset() {
        upstream.resetAll();
    }

    private static GatewayHarness start(ServerConfig.Transport transport, URI upstreamUri) {
        TestConfig c = TestConfig.defaults();
        c.upstream = upstreamUri;
        c.transport = transport;
        return GatewayHarness.start(c, Policies.real(Mode.BALANCED));
    }

    @ParameterizedTest
    @EnumSource(value = ServerConfig.Transport.class, names = {"IO_URING", "EPOLL", "NIO"})
    void eachTransportRelaysBodiesBothWaysKeepsConnectionsAndCoalescesADoubleClick(ServerConfig.Transport transport)
            throws Exception {
        requireKernelSupport(transport);
        upstream.stubFor(get(urlEqualTo("/page")).willReturn(aResponse().withBody("a page")));
        upstream.stubFor(post(urlEqualTo("/upload")).withRequestBody(binaryEqualTo(UPLOAD))
                .willReturn(aResponse().withStatus(201).withBody("stored")));
        upstream.stubFor(get(urlEqualTo("/download")).willReturn(aResponse().withBody(DOWNLOAD)));
        upstream.stubFor(get(urlEqualTo("/sign/tok-" + transport.spelling())).willReturn(aResponse()
                .withFixedDelay(300).withHeader("Set-Cookie", "session=first").withBody("signing session")));
        try (GatewayHarness gateway = start(transport, URI.create(upstream.baseUrl()))) {
            assertEquals(transport.spelling(), gateway.server.transport());
            assertEquals(1, gateway.metric("linkgate_transport_info", "transport=\"" + transport.spelling() + "\""));

            assertEquals("a page", gateway.send(gateway.browserGet("/page").build()).body());
            HttpResponse<String> stored = gateway.send(HttpRequest.newBuilder(gateway.uri("/upload"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(UPLOAD)).build());
            assertEquals(201, stored.statusCode(), "the upload arrived whole: " + stored.body());
            HttpResponse<byte[]> download = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/download"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertArrayEquals(DOWNLOAD, download.body());

            // Two pipelined requests in one write, then a third on the same connection.
            try (RawHttp client = gateway.raw()) {
                client.send("GET /page HTTP/1.1\r\nHost: app\r\n\r\nGET /page HTTP/1.1\r\nHost: app\r\n\r\n");
                assertEquals("a page", client.read().bodyText());
                assertEquals("a page", client.read().bodyText());
                client.send("GET /page HTTP/1.1\r\nHost: app\r\n\r\n");
                assertEquals("a page", client.read().bodyText());
            }

            HttpRequest click = gateway.browserGet("/sign/tok-" + transport.spelling()).build();
            CompletableFuture<HttpResponse<String>> first = gateway.sendAsync(click);
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.runAsync(() -> { },
                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)).thenCompose(x -> gateway.sendAsync(click));
            for (HttpResponse<String> r : List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS))) {
                assertEquals("signing session", r.body());
                assertEquals(List.of("session=first"), r.headers().allValues("Set-Cookie"));
            }
            upstream.verify(1, getRequestedFor(urlEqualTo("/sign/tok-" + transport.spelling())));
            assertEquals(1, gateway.metric("linkgate_duplicate_clicks_total", "kind=\"coalesced\""));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerConfig.Transport.class, names = {"IO_URING", "EPOLL", "NIO"})
    void anUnreachableUpstreamIsA502OnEachTransport(ServerConfig.Transport transport) throws Exception {
        requireKernelSupport(transport);
        try (GatewayHarness gateway = start(transport, URI.create("http://127.0.0.1:1"))) {
            assertEquals(502, gateway.send(gateway.browserGet("/page").build()).statusCode());
            assertEquals(502, gateway.send(gateway.browserGet("/sign/tok-down").build()).statusCode());
        }
    }

    @Test
    void autoTakesIoUringThenEpollThenNioAndSaysWhatItPassedOver() {
        List<String> skipped = new ArrayList<>();
        List<String> names = Transport.candidates(ServerConfig.Transport.AUTO, skipped).stream()
                .map(Transport::name).toList();
        List<String> expected = new ArrayList<>();
        if (IoUring.isAvailable()) {
            expected.add("io_uring");
        }
        if (Epoll.isAvailable()) {
            expected.add("epoll");
        }
        expected.add("nio");
        assertEquals(expected, names);
        assertEquals(3 - expected.size(), skipped.size(), skipped.toString());
        assertEquals("nio", Transport.candidates(ServerConfig.Transport.NIO, skipped).get(0).name());
        try (GatewayHarness gateway = start(ServerConfig.Transport.AUTO, URI.create(upstream.baseUrl()))) {
            assertEquals(expected.get(0), gateway.server.transport());
        }
    }

    @Test
    void theReasonATransportIsMissingIsTheDeepestCausesOneLine() {
        Throwable cause = new IllegalStateException("failed to load",
                new UnsupportedOperationException("io_uring_setup: Operation not permitted\n(seccomp)"));
        assertEquals("io_uring_setup: Operation not permitted (seccomp)", Transport.reason(cause));
        assertEquals("no reason given", Transport.reason(null));
        assertEquals("NullPointerException", Transport.reason(new NullPointerException()));
    }

    /** The kernel interfaces are part of this machine, like a tool the tests need: missing is a failure. */
    private static void requireKernelSupport(ServerConfig.Transport transport) {
        switch (transport) {
            case IO_URING -> assertTrue(IoUring.isAvailable(), () -> "io_uring is not available on this machine ("
                    + Transport.reason(IoUring.unavailabilityCause()) + "): it needs a kernel with io_uring"
                    + " enabled (sysctl kernel.io_uring_disabled=0) and a seccomp profile that allows io_uring_setup");
            case EPOLL -> assertTrue(Epoll.isAvailable(), () -> "epoll is not available on this machine ("
                    + Transport.reason(Epoll.unavailabilityCause()) + ")");
            default -> {
            }
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
