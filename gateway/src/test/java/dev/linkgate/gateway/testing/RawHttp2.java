package dev.linkgate.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/2 frames written by hand on a cleartext socket (prior knowledge), for what no well-behaved client sends:
 * rapid resets, forbidden headers, a content-length the data disagrees with. Header blocks use HPACK literals
 * without indexing, so no table is needed on either side.
 */
public final class RawHttp2 implements AutoCloseable {
    public static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, GOAWAY = 7;
    public static final int END_STREAM = 0x1, END_HEADERS = 0x4;

    /** One frame from the server. */
    public record Frame(int type, int flags, int stream, byte[] payload) {
        /** The error code of a RST_STREAM or GOAWAY. */
        public int errorCode() {
            int at = type == GOAWAY ? 4 : 0;
            return (payload[at] & 0xff) << 24 | (payload[at + 1] & 0xff) << 16 | (payload[at + 2] & 0xff) << 8
                    | payload[at + 3] & 0xff;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawHttp2(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects, sends the preface and empty SETTINGS. */
    public static RawHttp2 connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(10_000);
        RawHttp2 c = new RawHttp2(s);
        c.out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        c.frame(SETTINGS, 0, 0, new byte[0]);
        return c;
    }

    /** A header block of the given name, value pairs (names lower case, pseudo-headers first). */
    public static byte[] headers(String... nameValues) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < nameValues.length; i += 2) {
            b.write(0x00);
            string(b, nameValues[i]);
            string(b, nameValues[i + 1]);
        }
        return b.toByteArray();
    }

    /** A GET's header block for path. */
    public static byte[] get(String path, String... more) {
        String[] all = new String[8 + more.length];
        String[] pseudo = {":method", "GET", ":scheme", "http", ":path", path, ":authority", "app"};
        System.arraycopy(pseudo, 0, all, 0, 8);
        System.arraycopy(more, 0, all, 8, more.length);
        return headers(all);
    }

    public RawHttp2 frame(int type, int flags, int stream, byte[] payload) throws IOException {
        byte[] h = {(byte) (payload.length >> 16), (byte) (payload.length >> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >> 24), (byte) (stream >> 16), (byte) (stream >> 8),
                (byte) stream};
        out.write(h);
        out.write(payload);
        out.flush();
        return this;
    }

    public RawHttp2 rst(int stream) throws IOException {
        return frame(RST_STREAM, 0, stream, new byte[]{0, 0, 0, 8});
    }

    /** The next frame, or null when the server closed the connection. */
    public Frame next() throws IOException {
        byte[] h = new byte[9];
        try {
            in.readFully(h);
        } catch (EOFException e) {
            return null;
        }
        int length = (h[0] & 0xff) << 16 | (h[1] & 0xff) << 8 | h[2] & 0xff;
        byte[] payload = new byte[length];
        in.readFully(payload);
        int stream = (h[5] & 0x7f) << 24 | (h[6] & 0xff) << 16 | (h[7] & 0xff) << 8 | h[8] & 0xff;
        return new Frame(h[3] & 0xff, h[4] & 0xff, stream, payload);
    }

    /** The next frame of this type (others skipped), or null when the connection closed first. */
    public Frame next(int type) throws IOException {
        Frame f;
        while ((f = next()) != null && f.type() != type) {
            // skipped: SETTINGS, WINDOW_UPDATE, PING...
        }
        return f;
    }

    /** True when the server closed the connection (after whatever frames it sent). */
    public boolean closedByServer() throws IOException {
        try {
            while (next() != null) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void string(ByteArrayOutputStream b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        integer(b, bytes.length);
        b.writeBytes(bytes);
    }

    /** HPACK integer with a 7-bit prefix (Huffman bit off). */
    private static void integer(ByteArrayOutputStream b, int value) {
        if (value < 127) {
            b.write(value);
            return;
        }
        b.write(127);
        value -= 127;
        while (value >= 128) {
            b.write(value % 128 + 128);
            value /= 128;
        }
        b.write(value);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
