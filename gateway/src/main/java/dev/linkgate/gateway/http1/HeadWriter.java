package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes a client's request head for the upstream from the bytes it arrived as: the field lines linkgate keeps
 * are copied as they were (runs of them in one copy), and the few it must change are dropped or appended. What
 * it sends is what today's path sends (ForwardHeaders, RequestTargetHandler, ExpectContinueHandler and
 * HeadBytes; HeadWriterTest compares the two on the corpus), in the same order:
 * <ul>
 *   <li>the request line in origin form and HTTP/1.1;</li>
 *   <li>hop-by-hop fields dropped, with every field the Connection header names (but Content-Length and Host);
 *       Expect dropped (linkgate answers it);</li>
 *   <li>the named session cookies taken out of {@code Cookie} (the line goes when none is left);</li>
 *   <li>appended: Host from an absolute-form target; {@code X-Forwarded-For} with the peer after what a trusted
 *       peer sent; {@code X-Forwarded-Proto} and {@code -Host} unless a trusted peer sent them; Host as the
 *       upstream's authority when {@code preserveHost} is off or the request had none;
 *       {@code transfer-encoding: chunked} for a chunked body (relayed as it came).</li>
 * </ul>
 */
public final class HeadWriter {
    private static final byte[] HTTP_1_1_CRLF = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XFF = "x-forwarded-for: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XFP_HTTP = "x-forwarded-proto: http\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XFP_HTTPS = "x-forwarded-proto: https\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBSOCKET = "upgrade: websocket\r\nconnection: upgrade\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XFH = "x-forwarded-host: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HOST = "host: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "transfer-encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRLF = {'\r', '\n'};

    private final byte[] upstreamAuthority;
    private final boolean preserveHost;

    /**
     * @param upstreamAuthority the upstream's host[:port], sent as Host when the client's is not kept
     * @param preserveHost      {@code upstream.preserve-host}
     */
    public HeadWriter(String upstreamAuthority, boolean preserveHost) {
        this.upstreamAuthority = upstreamAuthority.getBytes(StandardCharsets.ISO_8859_1);
        this.preserveHost = preserveHost;
    }

    /**
     * The head for the upstream, in one buffer the caller owns.
     *
     * @param peer           the peer's address as text (AddressText)
     * @param peerTrusted    whether its X-Forwarded-* are believed (client-ip.trusted-proxies)
     * @param sessionCookies cookie names to take out of {@code Cookie} (a link's session cookies), or empty
     */
    public ByteBuf write(RequestHead head, String peer, boolean peerTrusted, Set<String> sessionCookies,
                         ByteBufAllocator alloc) {
        return write(head, new Edits(peer, peerTrusted, false, sessionCookies, false, false), alloc);
    }

    /**
     * What a forward changes beyond the hop-by-hop rules.
     *
     * @param peer        the peer's address as text (AddressText)
     * @param peerTrusted whether its X-Forwarded-* are believed (client-ip.trusted-proxies)
     * @param secure      the request came over TLS: {@code X-Forwarded-Proto: https}
     * @param cookies     cookie names to take out of {@code Cookie} (linkgate's own, a link's session cookies)
     * @param asGet       an accepted continue: sent as {@code GET} with no body and without the POST's
     *                    Content-Length, Content-Type, Content-Encoding, Origin and Transfer-Encoding
     * @param webSocket   an accepted WebSocket handshake: {@code Upgrade: websocket} and
     *                    {@code Connection: upgrade} are carried across
     */
    public record Edits(String peer, boolean peerTrusted, boolean secure, Set<String> cookies, boolean asGet,
                        boolean webSocket) {
    }

    /** The head for the upstream with {@code edits}, in one buffer the caller owns. */
    public ByteBuf write(RequestHead head, Edits edits, ByteBufAllocator alloc) {
        String peer = edits.peer();
        boolean peerTrusted = edits.peerTrusted();
        Set<String> sessionCookies = edits.cookies();
        boolean asGet = edits.asGet();
        byte[] b = head.bytes;
        int[] f = head.fields;
        int n = head.fieldCount;
        ConnectionTokens connection = ConnectionTokens.of(head);
        ByteBuf out = alloc.buffer(head.length + 128 + peer.length() + upstreamAuthority.length);
        if (asGet) {
            out.writeBytes(GET);
        } else {
            out.writeBytes(b, 0, head.targetStart);
        }
        if (head.absoluteForm() && (head.originStart == head.targetEnd || b[head.originStart] != '/')) {
            out.writeByte('/');
        }
        out.writeBytes(b, head.originStart, head.targetEnd - head.originStart);
        out.writeBytes(HTTP_1_1_CRLF);

        boolean trustedProto = false;
        boolean trustedHost = false;
        StringBuilder previousFor = null;
        int runStart = -1;
        for (int i = 0; i < n; i++) {
            int at = i * RequestHead.STRIDE;
            int id = f[at + RequestHead.ID];
            boolean keep;
            if (FieldName.isHopByHop(id) || id == FieldName.EXPECT || connection.names(head, i)
                    || asGet && FieldName.isBodyOrOrigin(id)) {
                keep = false;
            } else if (id == FieldName.X_FORWARDED_FOR) {
                if (peerTrusted) {
                    previousFor = join(previousFor, b, f[at + RequestHead.VALUE_START], f[at + RequestHead.VALUE_END]);
                }
                keep = false;
            } else if (id == FieldName.X_FORWARDED_PROTO) {
                keep = peerTrusted;
                trustedProto |= peerTrusted;
            } else if (id == FieldName.X_FORWARDED_HOST) {
                keep = peerTrusted;
                trustedHost |= peerTrusted;
            } else if (id == FieldName.HOST) {
                keep = preserveHost && !head.absoluteForm();
            } else if (id == FieldName.COOKIE && !sessionCookies.isEmpty()) {
                keep = false;
                flush(out, head, runStart, i);
                runStart = -1;
                SessionCookies.write(head, i, sessionCookies, out);
            } else {
                keep = true;
            }
            if (keep && runStart < 0) {
                runStart = i;
            } else if (!keep && runStart >= 0) {
                flush(out, head, runStart, i);
                runStart = -1;
            }
        }
        flush(out, head, runStart, n);

        String host = head.host();
        if (head.absoluteForm() && preserveHost) {
            line(out, HOST, host);
        }
        out.writeBytes(XFF);
        if (previousFor != null && !previousFor.toString().isBlank()) {
            out.writeCharSequence(previousFor, StandardCharsets.ISO_8859_1);
            out.writeByte(',').writeByte(' ');
        }
        out.writeCharSequence(peer, StandardCharsets.ISO_8859_1);
        out.writeBytes(CRLF);
        if (!trustedProto) {
            out.writeBytes(edits.secure() ? XFP_HTTPS : XFP_HTTP);
        }
        if (!trustedHost && host != null) {
            line(out, XFH, host);
        }
        if (!preserveHost || host == null) {
            out.writeBytes(HOST).writeBytes(upstreamAuthority).writeBytes(CRLF);
        }
        if (head.framing() == RequestHead.Framing.CHUNKED && !asGet) {
            out.writeBytes(CHUNKED);
        }
        if (edits.webSocket()) {
            out.writeBytes(WEBSOCKET);
        }
        out.writeBytes(CRLF);
        return out;
    }

    private static void flush(ByteBuf out, RequestHead head, int from, int to) {
        RequestHead.copyFieldLines(out, head.bytes, head.fields, head.fieldCount, head.length, from, to);
    }

    private static StringBuilder join(StringBuilder joined, byte[] b, int start, int end) {
        StringBuilder s = joined == null ? new StringBuilder(end - start + 24) : joined.append(", ");
        return s.append(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
    }

    private static void line(ByteBuf out, byte[] name, String value) {
        out.writeBytes(name);
        out.writeCharSequence(value, StandardCharsets.ISO_8859_1);
        out.writeBytes(CRLF);
    }
}
