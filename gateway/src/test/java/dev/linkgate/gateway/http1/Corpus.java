package dev.linkgate.gateway.http1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The request corpus of the differential and fuzz tests, {@code src/test/resources/http1/*.txt}. A case is a
 * line {@code == name | expectation}, then the request bytes: the file's own line breaks and blank lines are
 * not part of them, lines starting with {@code #} are comments, and bytes are written with escapes:
 * {@code \r \n \t \0 \\ \xHH}, {@code \s} for a space (needed at either end of a line, which is trimmed),
 * and {@code \{N:text}} for text repeated N times. The expectation is
 * {@code agree} (both parsers accept and see the same, or both refuse) or {@code stricter: reason} (linkgate's
 * parser refuses what Netty's decoder accepts, for that reason).
 */
record Corpus(List<Case> cases) {
    static final String[] FILES = {"valid.txt", "framing.txt", "chunked.txt", "malformed.txt", "limits.txt"};

    record Case(String file, String name, String stricterReason, byte[] bytes) {
        boolean listedStricter() {
            return stricterReason != null;
        }

        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    static Corpus load() {
        List<Case> cases = new ArrayList<>();
        for (String file : FILES) {
            cases.addAll(parse(file, read("/http1/" + file)));
        }
        return new Corpus(cases);
    }

    private static String read(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> parse(String file, String text) {
        List<Case> cases = new ArrayList<>();
        String name = null;
        String reason = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text + "\n== end").split("\n", -1)) {
            if (line.startsWith("== ")) {
                if (name != null) {
                    cases.add(new Case(file, name, reason, unescape(body.toString(), file + ": " + name)));
                }
                if (line.equals("== end")) {
                    break;
                }
                String[] parts = line.substring(3).split("\\|", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException(file + ": a case line needs 'name | expectation': " + line);
                }
                name = parts[0].trim();
                String expectation = parts[1].trim();
                if (expectation.equals("agree")) {
                    reason = null;
                } else if (expectation.startsWith("stricter:") && expectation.length() > 10) {
                    reason = expectation.substring(9).trim();
                } else {
                    throw new IllegalArgumentException(file + ": " + name + ": unknown expectation " + expectation);
                }
                body.setLength(0);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                if (name == null) {
                    throw new IllegalArgumentException(file + ": bytes before the first case: " + line);
                }
                body.append(line.strip());
            }
        }
        return cases;
    }

    static byte[] unescape(String s, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                if (c > 0xFF) {
                    throw new IllegalArgumentException(where + ": write non-Latin-1 bytes as \\xHH");
                }
                out.write(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case 's' -> out.write(' ');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case '{' -> {
                    int colon = s.indexOf(':', i);
                    int close = s.indexOf('}', colon);
                    int times = Integer.parseInt(s.substring(i + 1, colon));
                    byte[] unit = unescape(s.substring(colon + 1, close), where);
                    for (int k = 0; k < times; k++) {
                        out.writeBytes(unit);
                    }
                    i = close;
                }
                default -> throw new IllegalArgumentException(where + ": unknown escape \\" + e);
            }
        }
        return out.toByteArray();
    }
}
