package dev.linkgate.gateway.browser;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.newRequestPattern;

/**
 * The e-signature app behind linkgate, played by WireMock: every {@code /sign/{token}} opens a signing
 * session (a page and a session cookie), and the journal counts how often each link reached it.
 */
final class SigningApp implements AutoCloseable {
    static final String HEADING = "Document for signing";
    static final String SESSION_COOKIE = "session";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Document for signing</title></head>
            <body><h1>Document for signing</h1><p>Please read and sign.</p></body></html>
            """;

    private final WireMockServer server;

    private SigningApp(WireMockServer server) {
        this.server = server;
    }

    static SigningApp start() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(16).jettyAcceptors(1));
        server.start();
        SigningApp app = new SigningApp(server);
        app.respondAfter(Duration.ZERO);
        return app;
    }

    int port() {
        return server.port();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Every link opens a session only after this long: makes two clicks' requests overlap. */
    void respondAfter(Duration delay) {
        server.resetMappings();
        server.stubFor(any(urlPathMatching("/sign/[^/]+")).willReturn(aResponse()
                .withStatus(200)
                .withFixedDelay((int) delay.toMillis())
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Cache-Control", "no-store")
                .withHeader("Set-Cookie", SESSION_COOKIE + "=signing-session; Path=/; HttpOnly; SameSite=Lax")
                .withBody(PAGE)));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
    }

    /** How many requests for this link reached the app, whatever their method or query. */
    int requestsFor(String linkPath) {
        return server.countRequestsMatching(newRequestPattern(RequestMethod.ANY, urlPathEqualTo(linkPath)).build())
                .getCount();
    }

    List<LoggedRequest> requestsTo(String path) {
        return server.findAll(newRequestPattern(RequestMethod.ANY, urlPathEqualTo(path)));
    }

    /** Forgets the counted requests and any delay: each test starts from a quiet app. */
    void reset() {
        server.resetRequests();
        respondAfter(Duration.ZERO);
    }

    @Override
    public void close() {
        server.stop();
    }
}
