package dev.linkgate.gateway.http1.previous;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a message head the way it was read: every character of a name, value or request target is one byte
 * (ISO-8859-1, which is how Netty's decoder turned the bytes into text), so a byte the client sent reaches the
 * upstream unchanged; a character above U+00FF, which no decoded head holds, is written as '?', as Netty's
 * encoder does.
 *
 * <p>Netty's request encoder writes the target as UTF-8: a raw {@code é} (C3 A9) came back out as C3 83 C2 A9.
 * Its header encoder copies a String a character at a time; here a String goes in as one array copy.
 */
/** As it was before the byte-level path replaced it (main at 1f7e053): the reference HeadWriterTest compares with. */
public final class HeadBytes {
    private static final int COLON_SPACE = (':' << 8) | ' ';
    private static final int CRLF = ('\r' << 8) | '\n';
    private static final AsciiString HTTP_1_1 = AsciiString.cached(HttpVersion.HTTP_1_1.text());

    private HeadBytes() {
    }

    /** {@code METHOD SP target SP version CRLF}; an empty target is written as {@code /}. */
    public static void requestLine(HttpRequest request, ByteBuf buf) {
        ByteBufUtil.copy(request.method().asciiName(), buf);
        buf.writeByte(' ');
        String target = request.uri();
        if (target.isEmpty()) {
            buf.writeByte('/');
        } else {
            text(target, buf);
        }
        buf.writeByte(' ');
        // Always HTTP/1.1 towards the upstream (ForwardHeaders sets it): no String copy per request for it.
        HttpVersion version = request.protocolVersion();
        text(version == HttpVersion.HTTP_1_1 ? HTTP_1_1 : version.text(), buf);
        buf.writeShort(CRLF);
    }

    /** Each header as {@code name: value CRLF}, in order. */
    public static void headers(HttpHeaders headers, ByteBuf buf) {
        for (Iterator<Map.Entry<CharSequence, CharSequence>> i = headers.iteratorCharSequence(); i.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = i.next();
            text(header.getKey(), buf);
            buf.writeShort(COLON_SPACE);
            text(header.getValue(), buf);
            buf.writeShort(CRLF);
        }
    }

    static void text(CharSequence s, ByteBuf buf) {
        if (s instanceof AsciiString a) {
            buf.writeBytes(a.array(), a.arrayOffset(), a.length());
        } else if (s instanceof String string) {
            // A Latin-1 String is copied whole (the JDK's fast path); wider characters become '?'.
            buf.writeBytes(string.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            buf.writeCharSequence(s, StandardCharsets.ISO_8859_1);
        }
    }
}
