package dev.linkgate.gateway.http1;

import dev.linkgate.gateway.testing.RawUpstream;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app behind the gateway in the wire tests, on raw sockets: it records every request head it receives (in
 * arrival order, {@link #heads()}) and then what became of its body: the data, read strictly by the framing the
 * head declares (a chunked body dechunked), or that the body never completed because the gateway cut the
 * connection. A head whose framing is ambiguous (Content-Length and Transfer-Encoding, two of either, a coding
 * other than chunked) is what smuggling looks like from here: it is recorded as such and the connection closed.
 * Each request is answered 200 with {@code X-Echo: METHOD target}, so the client can tell which request a
 * response belongs to.
 */
final class RecordingUpstream implements AutoCloseable {
    /** What the upstream made of one request: its data when {@code complete}, else why not. */
    record Seen(String method, String target, byte[] data, boolean complete, String problem) {
    }

    private final RawUpstream raw;
    private final Map<RawUpstream.Request, Seen> seen = new ConcurrentHashMap<>();

    RecordingUpstream() throws IOException {
        this.raw = new RawUpstream(this::serve);
    }

    URI uri() {
        return raw.uri();
    }

    /** Every request head received so far, in order of arrival. */
    List<RawUpstream.Request> heads() {
        return raw.requests;
    }

    /** What became of a head's body; null while its body is still being read. */
    Seen seen(RawUpstream.Request head) {
        return seen.get(head);
    }

    private boolean serve(RawUpstream.Exchange x) throws IOException {
        RawUpstream.Request head = x.request();
        String[] line = head.requestLine().split(" ", -1);
        String method = line[0];
        String target = line.length > 1 ? line[1] : "";
        if (line.length != 3 || !line[2].equals("HTTP/1.1")) {
            seen.put(head, new Seen(method, target, null, false, "request line not 'METHOD target HTTP/1.1'"));
            return false;
        }
        List<String> lengths = values(head, "Content-Length");
        List<String> codings = values(head, "Transfer-Encoding");
        if (lengths.size() + codings.size() > 1 || (codings.size() == 1 && !codings.get(0).equals("chunked"))
                || (lengths.size() == 1 && !lengths.get(0).matches("[0-9]{1,19}"))) {
            seen.put(head, new Seen(method, target, null, false,
                    "ambiguous framing: Content-Length " + lengths + ", Transfer-Encoding " + codings));
            return false;
        }
        byte[] data;
        try {
            long length = lengths.isEmpty() ? 0 : Long.parseLong(lengths.get(0));
            // No corpus body is near the cap: a larger length is one whose body never comes.
            data = codings.isEmpty() ? x.in().readNBytes((int) Math.min(length, 1 << 20)) : dechunk(x.in());
            if (data.length < length) {
                throw new EOFException("body shorter than its Content-Length");
            }
        } catch (IOException e) {
            seen.put(head, new Seen(method, target, null, false, "body cut off: " + e.getMessage()));
            throw e;
        }
        seen.put(head, new Seen(method, target, data, true, null));
        byte[] echo = (method + " " + target).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.writeBytes(("HTTP/1.1 200 OK\r\nContent-Length: " + echo.length + "\r\nX-Echo: ")
                .getBytes(StandardCharsets.ISO_8859_1));
        response.writeBytes(echo);
        response.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (!method.equals("HEAD")) {
            response.writeBytes(echo);
        }
        x.out().write(response.toByteArray());
        x.out().flush();
        return true;
    }

    private static List<String> values(RawUpstream.Request head, String name) {
        return head.headers().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .toList();
    }

    /** RFC 9112 7.1: chunk-size (leading zeros aside, at most 7 digits here), then extensions after BWS ";". */
    private static final Pattern SIZE_LINE = Pattern.compile("0*([0-9A-Fa-f]+?)(?:[ \\t]*;.*)?");

    /** A chunked body read as RFC 9112 7.1 frames it; anything else is an IOException. */
    static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = crlfLine(in);
            Matcher m = SIZE_LINE.matcher(sizeLine);
            if (!m.matches() || m.group(1).length() > 7) {
                throw new IOException("bad chunk size line: " + sizeLine);
            }
            int n = Integer.parseInt(m.group(1), 16);
            if (n == 0) {
                while (!crlfLine(in).isEmpty()) {
                    // trailer fields: not part of the data
                }
                return data.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length < n) {
                throw new EOFException("chunk cut off");
            }
            data.writeBytes(chunk);
            if (!crlfLine(in).isEmpty()) {
                throw new IOException("chunk data longer than its size");
            }
        }
    }

    private static String crlfLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new IOException("a line in the body ends with a bare LF");
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        throw new EOFException("connection closed in the body");
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }
}
