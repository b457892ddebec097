package dev.linkgate.core.detect;

import static org.junit.jupiter.api.Assertions.fail;

import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.RequestHeaders;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the shipped lists and the outside corpora are, and requests built the way browsers send them. */
final class TestData {
    static final String CHROME_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    static final String CHROME_131 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    /** A day Chrome 131 was current. */
    static final Instant NOV_2024 = Instant.parse("2024-11-20T10:00:00Z");
    static final InetAddress HOME = address("203.0.113.7");

    private TestData() {
    }

    /** The repository root: surefire sets linkgate.project.dir; from core/ the root is "..". */
    static Path projectDir() {
        return Path.of(System.getProperty("linkgate.project.dir", ".."));
    }

    static Path userAgentsFile() {
        return projectDir().resolve("config/scanners/user-agents.txt");
    }

    static Path networksFile() {
        return projectDir().resolve("config/scanners/networks.txt");
    }

    /**
     * A file of the outside corpora, test resources under corpora/ (see its README for source and licence).
     * A missing one fails the test rather than skipping it.
     */
    static InputStream corpus(String file) {
        InputStream in = TestData.class.getResourceAsStream("/corpora/" + file);
        if (in == null) {
            return fail("corpus " + file + " is missing from the test resources (core/src/test/resources/corpora/)");
        }
        return in;
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The headers a browser sends when a person clicks a link in a mail: navigate, document, Accept-Language. */
    static Map<String, String> browserHeaders(String userAgent, String language) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", userAgent);
        h.put("Accept", CHROME_ACCEPT);
        h.put("Accept-Language", language);
        BrowserVersion browser = BrowserVersion.parse(userAgent);
        if (browser == null || browser.sendsFetchMetadata()) {
            h.put("Sec-Fetch-Site", "none");
            h.put("Sec-Fetch-Mode", "navigate");
            h.put("Sec-Fetch-Dest", "document");
            h.put("Sec-Fetch-User", "?1");
        }
        h.put("Upgrade-Insecure-Requests", "1");
        return h;
    }

    static ClickRequest click(Map<String, String> headers, InetAddress client, Instant at) {
        return request("GET", headers, client, at);
    }

    static ClickRequest request(String method, Map<String, String> headers, InetAddress client, Instant at) {
        return new ClickRequest(method, "/sign/abc123", null, "abc123", client, RequestHeaders.of(headers), at);
    }

    /** A person's click from a browser, with every header, at home. */
    static ClickRequest browserClick(String userAgent, Instant at) {
        return click(browserHeaders(userAgent, "en-US,en;q=0.9"), HOME, at);
    }

    static Detector shippedDetector() {
        try {
            return Detector.load(userAgentsFile(), networksFile(), java.util.List.of(), java.util.List.of(),
                    StaleBrowsers.DEFAULT_STALE_MAJORS);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
