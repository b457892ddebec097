package dev.linkgate.core.ledger;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedResponseTest {
    private static final List<Map.Entry<String, String>> HEADERS = List.of(
            Map.entry("Location", "/documents/é"), Map.entry("Set-Cookie", "sid=1; HttpOnly"),
            Map.entry("Set-Cookie", "csrf=2"));
    private static final byte[] BODY = "<p>moved</p>".getBytes(StandardCharsets.UTF_8);

    @Test
    void keepsStatusHeadersInOrderAndBody() {
        SharedResponse r = new SharedResponse(302, HEADERS, BODY);

        assertEquals(302, r.status());
        assertEquals(HEADERS, r.headers());
        assertArrayEquals(BODY, r.body());
    }

    @Test
    void theBodyHandedOutIsACopy() {
        SharedResponse r = new SharedResponse(200, List.of(), BODY);
        r.body()[0] = 'X';
        assertArrayEquals(BODY, r.body());
    }

    @Test
    void survivesItsBinaryFormAndComparesByContent() {
        SharedResponse r = new SharedResponse(302, HEADERS, BODY);
        SharedResponse back = SharedResponse.decode(r.encode());

        assertEquals(r, back);
        assertEquals(r.hashCode(), back.hashCode());
        assertNotEquals(r, new SharedResponse(303, HEADERS, BODY));
    }

    @Test
    void aDamagedBinaryFormIsRejected() {
        byte[] encoded = new SharedResponse(302, HEADERS, BODY).encode();

        assertThrows(IllegalArgumentException.class, () -> SharedResponse.decode(Arrays.copyOf(encoded, encoded.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> SharedResponse.decode(Arrays.copyOf(encoded, encoded.length + 1)));
        byte[] otherFormat = encoded.clone();
        otherFormat[0] = 9;
        assertThrows(IllegalArgumentException.class, () -> SharedResponse.decode(otherFormat));
    }

    @Test
    void itsBinaryFormIsDataOutputStreamsForAnyCharacters() throws IOException {
        List<Map.Entry<String, String>> headers = List.of(Map.entry("Location", "/d/é€\u0000\uD83D\uDE00/x"),
                Map.entry("X-Empty", ""), Map.entry("Set-Cookie", "sid=1; Path=/; HttpOnly"),
                Map.entry("X-Long", "v".repeat(65535)));

        assertArrayEquals(viaDataOutputStream(307, headers, BODY), new SharedResponse(307, headers, BODY).encode());
    }

    @Test
    void aHeaderTooLongForTheFormatIsRefusedAsDataOutputStreamRefusesIt() {
        List<Map.Entry<String, String>> headers = List.of(Map.entry("X-Long", "é".repeat(32768)));

        assertThrows(UncheckedIOException.class, () -> new SharedResponse(200, headers, BODY));
    }

    private static byte[] viaDataOutputStream(int status, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
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
        }
        return bytes.toByteArray();
    }
}
