package dev.linkgate.core.ledger;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A copy of the first click's response, kept for the double-click window so that the same browser's
 * second click gets the same answer (status, headers with Set-Cookie, body) instead of a second session.
 */
public record SharedResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    public SharedResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = List.copyOf(headers);
    }

    /** Compact binary form, for stores outside the process. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + body.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeShort(status);
            out.writeShort(headers.size());
            for (Map.Entry<String, String> h : headers) {
                out.writeUTF(h.getKey());
                out.writeUTF(h.getValue());
            }
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static SharedResponse decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(encoded))) {
            if (in.readByte() != 1) {
                throw new IllegalArgumentException("unknown shared response format");
            }
            int status = in.readUnsignedShort();
            int n = in.readUnsignedShort();
            Map.Entry<String, String>[] headers = newEntries(n);
            for (int i = 0; i < n; i++) {
                headers[i] = Map.entry(in.readUTF(), in.readUTF());
            }
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new SharedResponse(status, List.of(headers), body);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated shared response", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map.Entry<String, String>[] newEntries(int n) {
        return new Map.Entry[n];
    }
}
