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

    @Test
    void theBuilderFromLatin1BytesEncodesWhatTheConstructorEncodes() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int n = 0; n < 2_000; n++) {
            int count = random.nextInt(6);
            byte[] src = new byte[count * 40];
            random.nextBytes(src); // every byte value: NUL, ASCII, 0x80-0xFF
            if (n % 2 == 0) {
                for (int i = 0; i < src.length; i++) { // ASCII without NUL, as real headers are: copied as they are
                    src[i] = (byte) (1 + (src[i] & 0x7F) % 127);
                }
            }
            List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
            SharedResponse.Builder builder = new SharedResponse.Builder();
            for (int i = 0; i < count; i++) {
                int at = i * 40;
                int nameEnd = at + random.nextInt(20);
                int valueStart = at + 20;
                int valueEnd = valueStart + random.nextInt(21);
                headers.add(Map.entry(new String(src, at, nameEnd - at, StandardCharsets.ISO_8859_1),
                        new String(src, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1)));
                if (i % 2 == 0) {
                    builder.field(src, at, nameEnd, valueStart, valueEnd);
                } else {
                    builder.field(headers.get(i).getKey(), headers.get(i).getValue());
                }
            }
            byte[] body = new byte[random.nextInt(50)];
            random.nextBytes(body);
            byte[] longer = java.util.Arrays.copyOf(body, body.length + 9);
            assertArrayEquals(new SharedResponse(200 + n % 300, headers, body).encode(),
                    builder.build(200 + n % 300, longer, body.length).encode());
        }
    }

    @Test
    void theBuilderRefusesAFieldTooLongForTheFormat() {
        byte[] value = new byte[40_000];
        java.util.Arrays.fill(value, (byte) 0xE9); // two bytes each once encoded
        assertThrows(java.io.UncheckedIOException.class,
                () -> new SharedResponse.Builder().field(value, 0, 0, 0, value.length));
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
