package dev.linkgate.gateway.testing;

import dev.linkgate.gateway.http.Request;
import dev.linkgate.gateway.http1.RequestHead;
import dev.linkgate.gateway.http1.RequestHeadParser;
import dev.linkgate.gateway.http1.RequestRejected;
import dev.linkgate.gateway.link.LinkMatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Requests for handler tests on an EmbeddedChannel: a head written as text ({@code "\r\n"} spelled out), parsed by
 * the gateway's parser, built as the request-start step builds it, from 192.0.2.10 (not a trusted proxy).
 */
public final class Requests {
    /** The link routes most tests use: {@code /sign/{token}}. */
    public static final LinkMatcher SIGN = (path, query) -> path.startsWith("/sign/") ? path.substring(6) : null;
    private static final InetAddress PEER = address(192, 0, 2, 10);

    private Requests() {
    }

    /** {@code METHOD target HTTP/1.1} with a Host and {@code fields} (each ending in CRLF). */
    public static Request of(String method, String target, String fields) {
        return parse(method + " " + target + " HTTP/1.1\r\nHost: gate.example\r\n" + fields + "\r\n", SIGN);
    }

    /** A whole request head as text. */
    public static Request parse(String head, LinkMatcher links) {
        RequestHead parsed = head(head);
        String path = parsed.path();
        String query = parsed.query();
        return new Request(parsed, Instant.parse("2026-12-02T09:00:00Z"), System.nanoTime(),
                parsed.http10() ? "HTTP/1.0" : "HTTP/1.1", path, query, links.match(path, query), PEER, PEER, false,
                false, null);
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public static RequestHead head(String head) {
        ByteBuf in = Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1);
        try {
            RequestHead parsed = new RequestHeadParser(8192, 16384).parse(in);
            if (parsed == null) {
                throw new AssertionError("incomplete head: " + head);
            }
            return parsed;
        } catch (RequestRejected e) {
            throw new AssertionError("refused (" + e.status() + ", " + e.reason() + "): " + head);
        } finally {
            in.release();
        }
    }
}
