package dev.linkgate.gateway.session;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A signing app whose links are one-time, as many are: the first open of a link answers its document page
 * and starts a session (Set-Cookie sid); every later open answers {@code 410 link already used}.
 */
final class OneTimeLinkApp {
    static final String USED = "410 link already used";

    private OneTimeLinkApp() {
    }

    /** Stubs {@code path} as one link; returns the document page its first open answers. */
    static String link(WireMockExtension app, String path, String session) {
        String page = "<h1>Document for " + session + "</h1>";
        app.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("used")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withHeader("Set-Cookie", "sid=" + session + "; Path=/; HttpOnly").withBody(page)));
        app.stubFor(get(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("used")
                .willReturn(aResponse().withStatus(410).withBody(USED)));
        return page;
    }
}
