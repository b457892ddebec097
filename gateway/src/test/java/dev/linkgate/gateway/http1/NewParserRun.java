package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * linkgate's parser over a case's bytes, fed {@code step} bytes per read (as a connection would receive them):
 * heads by {@link RequestHeadParser}, bodies by Content-Length or {@link ChunkedBodyFramer}, the body bytes
 * taken as the relay would take them. A chunked body's data and trailers are read back from the relayed bytes
 * (which the framer validated) only to compare them with Netty's.
 */
final class NewParserRun {
    private static final int MAX_HEADER = ServerConfig.defaults().maxHeaderSize().toIntBytes();

    private NewParserRun() {
    }

    static Outcome run(byte[] bytes, int step) {
        RequestHeadParser parser = new RequestHeadParser(ServerConfig.defaults());
        ByteBuf in = Unpooled.buffer(bytes.length);
        List<Outcome.Request> done = new ArrayList<>();
        int fed = 0;
        RequestHead head = null;
        ChunkedBodyFramer framer = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            while (true) {
                boolean progress = false;
                if (head == null) {
                    head = parser.parse(in);
                    if (head != null) {
                        progress = true;
                        body.reset();
                        framer = head.framing() == RequestHead.Framing.CHUNKED
                                ? ChunkedBodyFramer.forBodyOf(head, MAX_HEADER) : null;
                    }
                }
                if (head != null) {
                    boolean complete;
                    if (framer != null) {
                        int n = framer.frame(in);
                        body.writeBytes(take(in, n));
                        complete = framer.complete();
                        progress |= n > 0;
                    } else {
                        long missing = Math.max(0, head.contentLength()) - body.size();
                        int n = (int) Math.min(missing, in.readableBytes());
                        body.writeBytes(take(in, n));
                        complete = body.size() == Math.max(0, head.contentLength());
                        progress |= n > 0;
                    }
                    if (complete) {
                        done.add(request(head, body.toByteArray(), framer != null));
                        head = null;
                        progress = true;
                    }
                }
                if (!progress) {
                    if (fed == bytes.length) {
                        return new Outcome(done, false, null);
                    }
                    int n = Math.min(step, bytes.length - fed);
                    in.writeBytes(bytes, fed, n);
                    fed += n;
                }
            }
        } catch (RequestRejected e) {
            return new Outcome(done, true, e.status() + " " + e.reason());
        } finally {
            in.release();
        }
    }

    private static byte[] take(ByteBuf in, int n) {
        byte[] out = new byte[n];
        in.readBytes(out);
        return out;
    }

    private static Outcome.Request request(RequestHead head, byte[] body, boolean chunked) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 0; i < head.fieldCount(); i++) {
            headers.add(Map.entry(head.name(i).toString(), head.value(i).toString()));
        }
        List<Map.Entry<String, String>> trailers = new ArrayList<>();
        byte[] data = chunked ? Dechunk.data(body, trailers) : body;
        return new Outcome.Request(head.method(), head.target().toString(), head.http10() ? "HTTP/1.0" : "HTTP/1.1",
                headers, Outcome.Request.hex(data), trailers);
    }

    /** Reads data and trailers back from a chunked body the framer accepted (so: well-formed). */
    static final class Dechunk {
        private Dechunk() {
        }

        static byte[] data(byte[] chunked, List<Map.Entry<String, String>> trailers) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            int p = 0;
            while (true) {
                int lineEnd = indexOfCrlf(chunked, p);
                int q = p;
                while (q < lineEnd && HttpBytes.hexValue(chunked[q]) >= 0) {
                    q++;
                }
                int size = Integer.parseInt(new String(chunked, p, q - p, StandardCharsets.ISO_8859_1), 16);
                p = lineEnd + 2;
                if (size == 0) {
                    break;
                }
                data.write(chunked, p, size);
                p += size + 2;
            }
            for (int lineEnd; (lineEnd = indexOfCrlf(chunked, p)) > p; p = lineEnd + 2) {
                String line = new String(chunked, p, lineEnd - p, StandardCharsets.ISO_8859_1);
                int colon = line.indexOf(':');
                trailers.add(Map.entry(line.substring(0, colon), line.substring(colon + 1).strip()));
            }
            return data.toByteArray();
        }

        private static int indexOfCrlf(byte[] b, int from) {
            for (int i = from; i + 1 < b.length; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n') {
                    return i;
                }
            }
            throw new IllegalStateException("no CRLF after " + from);
        }
    }
}
