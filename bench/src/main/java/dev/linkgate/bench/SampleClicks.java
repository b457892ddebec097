package dev.linkgate.bench;

import dev.linkgate.core.detect.ReleaseCalendar;
import dev.linkgate.core.detect.Verdict;
import dev.linkgate.core.request.ClickRequest;
import dev.linkgate.core.request.RequestHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Realistic link requests, with the header sets real clients send. Headers are Netty's, read through a method
 * reference as the gateway hands them to core, so a benchmark pays the same header look-ups.
 */
public final class SampleClicks {
    public static final String PATH_PREFIX = "/sign/";

    private SampleClicks() {
    }

    /** The kinds of click the classify benchmark covers. */
    public enum Kind {
        /** A person on a current desktop Chrome, clicking from a mail client: every navigation header. */
        CHROME(Verdict.HUMAN),
        /** Microsoft Defender / EOP detonating the link: a Chrome many majors old from 40.92.x.x. */
        STALE_CHROME_EOP(Verdict.SUSPECT),
        /** A script. */
        CURL(Verdict.BOT),
        /** A person on a current Safari on macOS. */
        SAFARI(Verdict.HUMAN),
        /** A sandbox on Azure (20.72.x) running a current Chrome with every header: only cloud_network catches it. */
        CHROME_AZURE(Verdict.SUSPECT);

        /** What the shipped detector must say, or the sample no longer is what it claims to be. */
        public final Verdict expected;

        Kind(Verdict expected) {
            this.expected = expected;
        }
    }

    public static ClickRequest of(Kind kind, String linkKey, Instant at) {
        return switch (kind) {
            case CHROME -> currentChrome(linkKey, at);
            case STALE_CHROME_EOP -> staleChromeFromEop(linkKey, at);
            case CURL -> curl(linkKey, at);
            case SAFARI -> safari(linkKey, at);
            case CHROME_AZURE -> {
                ClickRequest c = currentChrome(linkKey, at);
                yield new ClickRequest(c.method(), c.path(), c.query(), c.linkKey(), address("20.72.14.9"), c.headers(),
                        c.receivedAt());
            }
        };
    }

    public static ClickRequest currentChrome(String linkKey, Instant at) {
        // Current by the stale-browser rule's own calendar, whenever the benchmark runs.
        int major = ReleaseCalendar.CHROME.currentMajor(at.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay());
        HttpHeaders h = headers();
        h.add("Host", "sign.example.com");
        h.add("Connection", "keep-alive");
        h.add("sec-ch-ua", "\"Google Chrome\";v=\"" + major + "\", \"Chromium\";v=\"" + major + "\", \"Not_A Brand\";v=\"24\"");
        h.add("sec-ch-ua-mobile", "?0");
        h.add("sec-ch-ua-platform", "\"Windows\"");
        h.add("Upgrade-Insecure-Requests", "1");
        h.add("User-Agent", chromeUserAgent(major));
        h.add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
                + "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7");
        h.add("Sec-Fetch-Site", "none");
        h.add("Sec-Fetch-Mode", "navigate");
        h.add("Sec-Fetch-User", "?1");
        h.add("Sec-Fetch-Dest", "document");
        h.add("Accept-Encoding", "gzip, deflate, br, zstd");
        h.add("Accept-Language", "en-US,en;q=0.9,de;q=0.8");
        return request(linkKey, "203.0.113.57", h, at);
    }

    public static ClickRequest staleChromeFromEop(String linkKey, Instant at) {
        HttpHeaders h = headers();
        h.add("Host", "sign.example.com");
        h.add("Connection", "Keep-Alive");
        h.add("User-Agent", chromeUserAgent(109));
        h.add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8");
        h.add("Accept-Encoding", "gzip, deflate");
        h.add("Accept-Language", "en-US");
        return request(linkKey, "40.92.18.77", h, at);
    }

    public static ClickRequest curl(String linkKey, Instant at) {
        HttpHeaders h = headers();
        h.add("Host", "sign.example.com");
        h.add("User-Agent", "curl/8.5.0");
        h.add("Accept", "*/*");
        return request(linkKey, "198.51.100.20", h, at);
    }

    public static ClickRequest safari(String linkKey, Instant at) {
        HttpHeaders h = headers();
        h.add("Host", "sign.example.com");
        h.add("Sec-Fetch-Dest", "document");
        h.add("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/26.1 Safari/605.1.15");
        h.add("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        h.add("Sec-Fetch-Site", "none");
        h.add("Sec-Fetch-Mode", "navigate");
        h.add("Accept-Language", "en-GB,en;q=0.9");
        h.add("Priority", "u=0, i");
        h.add("Accept-Encoding", "gzip, deflate, br");
        h.add("Connection", "keep-alive");
        return request(linkKey, "198.51.100.88", h, at);
    }

    public static String chromeUserAgent(int major) {
        return "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major
                + ".0.0.0 Safari/537.36";
    }

    private static HttpHeaders headers() {
        return DefaultHttpHeadersFactory.headersFactory().newHeaders();
    }

    private static ClickRequest request(String linkKey, String client, HttpHeaders headers, Instant at) {
        RequestHeaders view = headers::get;
        return new ClickRequest("GET", PATH_PREFIX + linkKey, null, linkKey, address(client), view, at);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
