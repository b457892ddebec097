package dev.linkgate.gateway.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream on raw sockets whose every byte the test decides: for responses a well-behaved server library
 * would not send (hop-by-hop headers, close-delimited bodies) and for misbehaviour (closing a kept-alive
 * connection, answering before the request body).
 */
public final class RawUpstream implements AutoCloseable {
    /** Serves one request; returns false to close the connection afterwards. */
    @FunctionalInterface
    public interface Behaviour {
        boolean serve(Exchange exchange) throws IOException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    public final AtomicInteger connections = new AtomicInteger();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released once for every connection the gateway closed (not when the behaviour closed it). */
    public final Semaphore closedByGateway = new Semaphore(0);

    public RawUpstream(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        Thread accept = new Thread(this::acceptLoop, "raw-upstream");
        accept.setDaemon(true);
        accept.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int index = connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s, index), "raw-upstream-" + index);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int connection) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int n = 1; ; n++) {
                Request head = readHead(in, connection, n);
                if (head == null) {
                    closedByGateway.release();
                    return;
                }
                requests.add(head);
                if (!behaviour.serve(new Exchange(head, in, out))) {
                    return;
                }
            }
        } catch (IOException e) {
            // the gateway closed (or reset) the connection in the middle of a request
            closedByGateway.release();
        }
    }

    private static Request readHead(InputStream in, int connection, int n) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.add(Map.entry(l.substring(0, colon).trim(), l.substring(colon + 1).trim()));
        }
        return new Request(connection, n, requestLine, headers);
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A request head as received. */
    public record Request(int connection, int number, String requestLine, List<Map.Entry<String, String>> headers) {
        public String header(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    /** One request being served. */
    public record Exchange(Request request, InputStream in, OutputStream out) {
        /** Reads the body (Content-Length or chunked) and returns its size. */
        public long readBody() throws IOException {
            String length = request.header("Content-Length");
            if (length != null) {
                long n = Long.parseLong(length);
                in.skipNBytes(n);
                return n;
            }
            if (!"chunked".equalsIgnoreCase(request.header("Transfer-Encoding"))) {
                return 0;
            }
            long total = 0;
            while (true) {
                int n = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                if (n == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    return total;
                }
                in.skipNBytes(n);
                total += n;
                line(in);
            }
        }

        public void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
