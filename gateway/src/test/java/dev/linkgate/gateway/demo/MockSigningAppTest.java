package dev.linkgate.gateway.demo;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MockSigningAppTest {
    private HttpServer app;
    private String base;

    @BeforeEach
    void start() throws Exception {
        app = MockSigningApp.start(0, new PrintStream(OutputStream.nullOutputStream()));
        base = "http://127.0.0.1:" + app.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        app.stop(0);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private HttpResponse<String> get(HttpClient client, String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aScannersOpenEndsTheSignersSessionLikeTheRealApps() throws Exception {
        HttpClient signer = browser();
        HttpResponse<String> opened = get(signer, "GET", "/sign/contract-1");
        assertTrue(opened.body().contains("Signing session <strong>#1</strong>"));
        assertEquals(200, get(signer, "GET", "/document/contract-1").statusCode());

        assertEquals(200, get(browser(), "HEAD", "/sign/contract-1").statusCode(), "a scanner checks the link");

        HttpResponse<String> after = get(signer, "GET", "/document/contract-1");
        assertEquals(409, after.statusCode());
        assertTrue(after.body().contains("This link was opened in another session"));
    }

    @Test
    void eachLinkHasItsOwnSessions() throws Exception {
        HttpClient signer = browser();
        get(signer, "GET", "/sign/a");
        get(browser(), "GET", "/sign/b");
        assertEquals(200, get(signer, "GET", "/document/a").statusCode());
        assertEquals(403, get(browser(), "GET", "/document/a").statusCode(), "no session cookie");
    }

    @Test
    void inOneTimeModeASecondOpenAnswers410() throws Exception {
        HttpServer oneTime = MockSigningApp.start(0, new PrintStream(OutputStream.nullOutputStream()), true);
        try {
            String at = "http://127.0.0.1:" + oneTime.getAddress().getPort();
            HttpClient signer = browser();
            HttpRequest open = HttpRequest.newBuilder(URI.create(at + "/sign/once")).build();
            assertEquals(200, signer.send(open, HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> again = signer.send(open, HttpResponse.BodyHandlers.ofString());
            assertEquals(410, again.statusCode());
            assertTrue(again.body().contains("410 link already used"));
        } finally {
            oneTime.stop(0);
        }
    }

    @Test
    void aSecondLinkOpenedWithTheFirstLinksSessionContinuesTheFirstSignersSession() throws Exception {
        HttpClient sharedComputer = browser();
        get(sharedComputer, "GET", "/sign/alice-link");
        HttpResponse<String> bob = get(sharedComputer, "GET", "/sign/bob-link");
        assertTrue(bob.body().contains("Signed in as the signer of alice-link"), bob.body());
        HttpResponse<String> clean = get(browser(), "GET", "/sign/carol-link");
        assertTrue(clean.body().contains("for link <code>carol-link</code>"));
    }
}
