package dev.linkgate.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonLineTest {
    /** The escaping the access log wrote before it wrote bytes: a StringBuilder, then String.getBytes(UTF_8). */
    private static byte[] reference(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] written(String s) {
        JsonLine line = new JsonLine();
        line.string(s);
        return Arrays.copyOf(line.bytes(), line.length());
    }

    @Test
    void stringsAreTheBytesTheTextEncoderWrote() {
        String[] cases = {"", "/sign/abcd…", "GET", "\"quoted\" \\ back", "line\nbreak\r\ttab", "\u0000\u001f\u007f",
                "Jörg ✓", "emoji 😀 pair", "lone \ud83d high", "lone \ude00 low", "\u2028\u2029", "ÿ\u0100\u07ff\u0800\uffff",
                "x".repeat(2000)};
        for (String s : cases) {
            assertArrayEquals(reference(s), written(s), s);
        }
    }

    @Test
    void randomTextOfEveryKindIsWrittenTheSame() throws Exception {
        SplittableRandom random = new SplittableRandom(20261202);
        ObjectMapper json = new ObjectMapper();
        for (int n = 0; n < 20_000; n++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) random.nextInt(0x800);
                    case 2 -> (char) (0xD800 + random.nextInt(0x800)); // surrogates, paired or not
                    default -> (char) random.nextInt(0x10000);
                };
            }
            String s = new String(chars);
            byte[] bytes = written(s);
            assertArrayEquals(reference(s), bytes, () -> s.chars().mapToObj(Integer::toHexString).toList().toString());
            if (s.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
                assertEquals(s, json.readValue(bytes, String.class));
            }
        }
    }

    @Test
    void numbersAreDecimal() {
        long[] cases = {0, 7, 10, 99, 100, 3120, -1, -10, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long v : cases) {
            JsonLine line = new JsonLine();
            line.number(v);
            assertEquals(Long.toString(v), line.text());
        }
        JsonLine line = new JsonLine();
        line.padded(7, 3).ascii('.').padded(123456, 6).ascii('.').padded(5, 9);
        assertEquals("007.123456.000000005", line.text());
    }

    @Test
    void aLineLongerThanTheFirstArrayGrows() {
        JsonLine line = new JsonLine();
        String path = "/p" + "é".repeat(1000);
        line.ascii("{\"path\":").string(path).ascii('}');
        assertEquals("{\"path\":\"" + path + "\"}", line.text());
        line.reset();
        assertEquals("", line.text());
    }
}
