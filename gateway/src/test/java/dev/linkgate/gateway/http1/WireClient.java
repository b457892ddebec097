package dev.linkgate.gateway.http1;

import dev.linkgate.gateway.testing.RawHttp;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A client on a raw socket with Nagle's algorithm off, so that bytes written in small pieces leave as small
 * segments: a case's bytes are sent in one write or in pieces of 1-3 bytes, each flushed. It reads final
 * responses (interim 1xx skipped) by their framing, and tells a close by the server from silence.
 */
final class WireClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    WireClient(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Writes the bytes 1-3 at a time (sizes from {@code sizes}). Returns false when the server closed the
     * connection before all were written (after refusing what came first), which is not an error in itself.
     */
    boolean sendInPieces(byte[] bytes, RandomGenerator sizes) {
        try {
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(1 + sizes.nextInt(3), bytes.length - at);
                out.write(bytes, at, n);
                out.flush();
                at += n;
            }
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The next final response; {@code toHead}: it answers a HEAD (no body whatever its headers say). */
    Response read(boolean toHead) throws IOException {
        while (true) {
            String status = line();
            if (status == null) {
                throw new IOException("connection closed before a response");
            }
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not a status line: " + status);
            }
            int code = Integer.parseInt(parts[1]);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String l = line(); l != null && !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                headers.add(Map.entry(l.substring(0, colon).trim(), l.substring(colon + 1).trim()));
            }
            if (code / 100 == 1) {
                continue;
            }
            Response head = new Response(code, headers, new byte[0]);
            if (toHead || code == 204 || code == 304) {
                return head;
            }
            if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding"))) {
                return new Response(code, headers, RecordingUpstream.dechunk(in));
            }
            String length = head.header("Content-Length");
            return new Response(code, headers, length != null ? in.readNBytes(Integer.parseInt(length))
                    : in.readAllBytes());
        }
    }

    /** True when the server closed the connection (end of stream or reset) with nothing more to read. */
    boolean closedByServer() throws IOException {
        int next;
        try {
            next = in.read();
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
        if (next == -1) {
            return true;
        }
        byte[] more = in.readNBytes(Math.min(in.available(), 200));
        throw new IOException("bytes after the last expected response: " + (char) next
                + new String(more, StandardCharsets.ISO_8859_1));
    }

    private String line() throws IOException {
        return RawHttp.line(in);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
