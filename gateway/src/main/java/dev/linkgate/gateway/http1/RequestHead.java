package dev.linkgate.gateway.http1;

import dev.linkgate.core.request.RequestHeaders;
import io.netty.buffer.ByteBuf;
import io.netty.util.AsciiString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request head, parsed once from its bytes by {@link RequestHeadParser}: immutable, and holding the head's
 * bytes (one array) with offsets into them. Values become {@code String}s only when asked for: a header nobody
 * reads costs five ints.
 *
 * <p>Everything it reports was validated by the parser: framing is unambiguous (one Content-Length of digits, or
 * {@code Transfer-Encoding: chunked} alone), HTTP/1.1 has exactly one Host, and no byte of it is a bare CR or LF.
 */
public final class RequestHead {
    /** How the body that follows the head ends. A request without either header has no body. */
    public enum Framing { NONE, CONTENT_LENGTH, CHUNKED }

    /** What the Expect header asks: nothing, {@code 100-continue}, or something linkgate answers with 417. */
    public enum Expectation { NONE, CONTINUE, OTHER }

    static final int STRIDE = 5;
    static final int NAME_START = 0;
    static final int NAME_END = 1;
    static final int VALUE_START = 2;
    static final int VALUE_END = 3;
    static final int ID = 4;

    final byte[] bytes;
    final int length;
    private final String method;
    final int targetStart;
    final int targetEnd;
    /** Where the origin form starts in the target: the target itself, or what follows an absolute form's authority. */
    final int originStart;
    final int authorityStart;
    final int authorityEnd;
    private final boolean http10;
    private final Framing framing;
    private final long contentLength;
    private final boolean keepAlive;
    private final Expectation expectation;
    final int[] fields;
    final int fieldCount;
    private final int fieldBytes;
    /**
     * Each field's value as a String once asked for (detection, the fingerprint, the history and the log each
     * read the User-Agent: one String, hashed once, instead of one each). Filled racily, which is safe: a String
     * is immutable, and two threads that both make one make equal ones.
     */
    private String[] valueTexts;

    RequestHead(byte[] bytes, int length, String method, int targetStart, int targetEnd, int originStart,
                int authorityStart, int authorityEnd, boolean http10, Framing framing, long contentLength,
                boolean keepAlive, Expectation expectation, int[] fields, int fieldCount, int fieldBytes) {
        this.bytes = bytes;
        this.length = length;
        this.method = method;
        this.targetStart = targetStart;
        this.targetEnd = targetEnd;
        this.originStart = originStart;
        this.authorityStart = authorityStart;
        this.authorityEnd = authorityEnd;
        this.http10 = http10;
        this.framing = framing;
        this.contentLength = contentLength;
        this.keepAlive = keepAlive;
        this.expectation = expectation;
        this.fields = fields;
        this.fieldCount = fieldCount;
        this.fieldBytes = fieldBytes;
    }

    /** The method as sent (methods are case-sensitive); the common ones are shared constants. */
    public String method() {
        return method;
    }

    /** The request target as sent: origin form, absolute form or {@code *}. */
    public AsciiString target() {
        return view(targetStart, targetEnd);
    }

    /** Whether the target was in absolute form ({@code http://host/path}); its authority then stands for Host. */
    public boolean absoluteForm() {
        return authorityStart >= 0;
    }

    /** The target in origin form ({@code /path?query}, or {@code *}): an absolute form's path and query. */
    public String originForm() {
        String rest = text(originStart, targetEnd);
        if (!absoluteForm() || rest.startsWith("/")) {
            return rest;
        }
        return "/" + rest;
    }

    /** The raw path (not percent-decoded), without the query. */
    public String path() {
        int q = queryMark();
        String path = text(originStart, q < 0 ? targetEnd : q);
        return path.isEmpty() ? "/" : path;
    }

    /** The raw query without '?', or null when there is none. */
    public String query() {
        int q = queryMark();
        return q < 0 ? null : text(q + 1, targetEnd);
    }

    private int queryMark() {
        for (int i = originStart; i < targetEnd; i++) {
            if (bytes[i] == '?') {
                return i;
            }
        }
        return -1;
    }

    /** The authority of an absolute-form target, or null. */
    public String authority() {
        return absoluteForm() ? text(authorityStart, authorityEnd) : null;
    }

    /**
     * The host the request is for: an absolute-form target's authority (which takes the place of Host, RFC 9112
     * 3.2.2), else the Host header; null only for an HTTP/1.0 request without one.
     */
    public String host() {
        return absoluteForm() ? authority() : header(FieldName.HOST);
    }

    public boolean http10() {
        return http10;
    }

    public Framing framing() {
        return framing;
    }

    /** The Content-Length, or -1 unless framing is {@link Framing#CONTENT_LENGTH}. */
    public long contentLength() {
        return contentLength;
    }

    /** Whether a body follows the head (chunked, or a Content-Length above 0). */
    public boolean hasBody() {
        return framing == Framing.CHUNKED || contentLength > 0;
    }

    /** The client's wish: HTTP/1.1 unless {@code Connection: close}; HTTP/1.0 only with {@code keep-alive}. */
    public boolean keepAlive() {
        return keepAlive;
    }

    public Expectation expectation() {
        return expectation;
    }

    /** The head's size in bytes, the final empty line included: where the body (or the next request) starts. */
    public int length() {
        return length;
    }

    /** The field lines' bytes without their CRLFs: what {@code server.max-header-size} limits. */
    public int fieldBytes() {
        return fieldBytes;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** The i-th field's name as sent. */
    public AsciiString name(int i) {
        return view(fields[i * STRIDE + NAME_START], fields[i * STRIDE + NAME_END]);
    }

    /** The i-th field's value without surrounding whitespace. */
    public AsciiString value(int i) {
        return view(fields[i * STRIDE + VALUE_START], fields[i * STRIDE + VALUE_END]);
    }

    /** The first value of the named header (any case), or null. */
    public String header(String name) {
        int i = indexOf(name, FieldName.of(name), 0);
        return i < 0 ? null : valueText(i);
    }

    /** Every value of the named header, in order (X-Forwarded-For, where each one counts). */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>(1);
        int id = FieldName.of(name);
        for (int i = indexOf(name, id, 0); i >= 0; i = indexOf(name, id, i + 1)) {
            values.add(valueText(i));
        }
        return values;
    }

    /** The view core's detection reads: each value becomes a String only when asked for. */
    public RequestHeaders headers() {
        return this::header;
    }

    /**
     * Which of {@code names} the request's Cookie fields carry (names compared exactly, as browsers do), in the
     * order of {@code names}; empty (and allocation-free) when it carries none of them.
     */
    public List<String> cookiesNamed(List<String> names) {
        List<String> found = List.of();
        if (names.isEmpty()) {
            return found;
        }
        for (int i = 0; i < fieldCount; i++) {
            int at = i * STRIDE;
            if (fields[at + ID] != FieldName.COOKIE) {
                continue;
            }
            int end = fields[at + VALUE_END];
            for (int p = fields[at + VALUE_START]; p <= end; ) {
                int semi = HttpBytes.itemEnd(bytes, p, end, (byte) ';');
                int s = HttpBytes.skipOws(bytes, p, semi);
                int e = HttpBytes.trimOws(bytes, s, HttpBytes.itemEnd(bytes, s, semi, (byte) '='));
                for (String name : names) {
                    if (e - s == name.length() && sameBytes(s, name) && !found.contains(name)) {
                        if (found.isEmpty()) {
                            found = new ArrayList<>(2);
                        }
                        found.add(name);
                    }
                }
                p = semi + 1;
            }
        }
        return found;
    }

    private boolean sameBytes(int start, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (bytes[start + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies field lines {@code [from, to)} of a head's bytes as they arrived, CRLFs included (nothing when
     * {@code from} is negative or the range empty): runs of kept lines go out in one copy. For request and
     * response heads alike, which share the field table's layout.
     */
    static void copyFieldLines(ByteBuf out, byte[] bytes, int[] fields, int fieldCount, int length, int from,
                               int to) {
        if (from < 0 || from == to) {
            return;
        }
        int start = fields[from * STRIDE + NAME_START];
        // A line ends where the next one starts; the last one before the head's final CRLF.
        int end = to < fieldCount ? fields[to * STRIDE + NAME_START] : length - 2;
        out.writeBytes(bytes, start, end - start);
    }

    String header(int id) {
        for (int i = 0; i < fieldCount; i++) {
            if (fields[i * STRIDE + ID] == id) {
                return valueText(i);
            }
        }
        return null;
    }

    /**
     * The first field at or after {@code from} named {@code name} (ASCII case ignored; {@code id} its
     * {@link FieldName} id, compared instead of the bytes), or -1; allocates nothing.
     */
    private int indexOf(String name, int id, int from) {
        if (id != FieldName.OTHER) {
            for (int i = from; i < fieldCount; i++) {
                if (fields[i * STRIDE + ID] == id) {
                    return i;
                }
            }
            return -1;
        }
        int length = name.length();
        for (int i = from; i < fieldCount; i++) {
            int at = i * STRIDE;
            int start = fields[at + NAME_START];
            if (fields[at + NAME_END] - start == length && sameName(start, name)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameName(int start, String name) {
        for (int k = 0; k < name.length(); k++) {
            int a = bytes[start + k];
            int b = name.charAt(k);
            if (a == b) {
                continue;
            }
            int lower = a | 0x20;
            if (lower != (b | 0x20) || lower < 'a' || lower > 'z') {
                return false;
            }
        }
        return true;
    }

    private String valueText(int i) {
        String[] texts = valueTexts;
        if (texts == null) {
            texts = new String[fieldCount];
            valueTexts = texts;
        }
        String text = texts[i];
        if (text == null) {
            text = text(fields[i * STRIDE + VALUE_START], fields[i * STRIDE + VALUE_END]);
            texts[i] = text;
        }
        return text;
    }

    private String text(int start, int end) {
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private AsciiString view(int start, int end) {
        return new AsciiString(bytes, start, end - start, false);
    }

    @Override
    public String toString() {
        // Method and field count only: the target may carry a link token, a credential.
        return "RequestHead[" + method + ", " + fieldCount + " fields, " + length + " bytes]";
    }
}
