package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;

/**
 * Finds where a chunked body ends while its bytes are relayed as they are: it validates the framing
 * (RFC 9112 7.1) and never copies the data (a caller that keeps a copy is told where each chunk's data lies).
 *
 * <p>Stricter than the grammar needs, because framing is where request smuggling lives: sizes are 1 to 16 hex
 * digits up to 2^31-1 (Netty's bound); extensions follow {@code *( BWS ";" BWS name [ BWS "=" BWS value ] )}
 * with a token or quoted-string value, with no whitespace after a name or a token value unless another ';'
 * follows, and at most {@value #MAX_EXTENSION_BYTES} bytes of them in one body; a quoted string holds no CR, LF,
 * other control byte but HTAB, or obs-text (the bare-LF and quoted-CRLF cases behind CVE-2025-58056 and
 * CVE-2026-33870); every line ends in CRLF, the data of each chunk too; trailer fields are field lines as in a
 * head (no obs-fold, no control bytes), within the header budget the head left (Netty counts both together),
 * and may not be Content-Length, Transfer-Encoding, Trailer or Host.
 *
 * <p>Use: each {@link #frame} scans the readable bytes from the reader index without consuming them and says how
 * many belong to the body; the caller relays (consumes) exactly those before calling again. One per body.
 */
public final class ChunkedBodyFramer {
    static final long MAX_CHUNK_SIZE = Integer.MAX_VALUE;
    static final int MAX_SIZE_DIGITS = 16;
    static final int MAX_EXTENSION_BYTES = 4096;
    private static final byte[][] FORBIDDEN_TRAILERS = {FieldName.LOWER[FieldName.CONTENT_LENGTH],
        FieldName.LOWER[FieldName.TRANSFER_ENCODING], FieldName.LOWER[FieldName.TRAILER],
        FieldName.LOWER[FieldName.HOST]};

    private enum State {
        SIZE_FIRST, SIZE, SIZE_BWS, EXT_BWS, EXT_NAME, EXT_NAME_BWS, EXT_VALUE_START, EXT_TOKEN, EXT_QUOTED,
        EXT_QUOTED_ESCAPE, EXT_AFTER_QUOTED, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_START, TRAILER_NAME,
        TRAILER_VALUE, TRAILER_LF, LAST_LF, DONE
    }

    private final int trailerBudget;
    private State state = State.SIZE_FIRST;
    private long size;
    private int digits;
    private long remaining;
    private int extensionBytes;
    private int trailerBytes;
    private final byte[] trailerName = new byte[20];
    private int trailerNameLength;

    /** @param trailerBudget the header bytes the head left unused (Netty counts head and trailers together) */
    public ChunkedBodyFramer(int trailerBudget) {
        this.trailerBudget = trailerBudget;
    }

    /** A framer for the body of {@code head}, with the trailer budget {@code maxHeaderSize} leaves it. */
    public static ChunkedBodyFramer forBodyOf(RequestHead head, int maxHeaderSize) {
        return new ChunkedBodyFramer(maxHeaderSize - head.fieldBytes());
    }

    /** Whether the body's last byte (the CRLF ending the trailer section) has been framed. */
    public boolean complete() {
        return state == State.DONE;
    }

    /** Hears the data of each chunk as {@link #frame(ByteBuf, ChunkData)} passes over it. */
    public interface ChunkData {
        /** {@code length} bytes of chunk data at {@code index} of {@code in}; read them, do not keep them. */
        void data(ByteBuf in, int index, int length);
    }

    /** How many of the readable bytes (from the reader index) belong to the body; fewer only at its end. */
    public int frame(ByteBuf in) throws RequestRejected {
        return frame(in, null);
    }

    /** As {@link #frame(ByteBuf)}, telling {@code data} (when not null) where each chunk's data lies. */
    public int frame(ByteBuf in, ChunkData data) throws RequestRejected {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int i = start;
        while (i < end && state != State.DONE) {
            if (state == State.DATA) {
                int n = (int) Math.min(remaining, end - i);
                if (data != null && n > 0) {
                    data.data(in, i, n);
                }
                i += n;
                remaining -= n;
                if (remaining == 0) {
                    state = State.DATA_CR;
                }
                continue;
            }
            step(in.getByte(i++));
        }
        return i - start;
    }

    private void step(byte b) throws RequestRejected {
        if (state.compareTo(State.SIZE_BWS) >= 0 && state.compareTo(State.EXT_AFTER_QUOTED) <= 0
                && b != HttpBytes.CR) {
            extension();
        }
        switch (state) {
            case SIZE_FIRST, SIZE -> size(b);
            case SIZE_BWS -> state = bwsThenSemicolon(b);
            case EXT_BWS -> {
                if (HttpBytes.isToken(b)) {
                    state = State.EXT_NAME;
                } else if (!HttpBytes.isOws(b)) {
                    throw RequestRejected.badRequest("malformed chunk extension");
                }
            }
            case EXT_NAME -> {
                if (b == HttpBytes.CR) {
                    state = State.SIZE_LF;
                } else if (b == ';') {
                    state = State.EXT_BWS;
                } else if (b == '=') {
                    state = State.EXT_VALUE_START;
                } else if (HttpBytes.isOws(b)) {
                    state = State.EXT_NAME_BWS;
                } else if (!HttpBytes.isToken(b)) {
                    throw RequestRejected.badRequest("malformed chunk extension name");
                }
            }
            case EXT_NAME_BWS -> {
                if (b == '=') {
                    state = State.EXT_VALUE_START;
                } else if (b == ';') {
                    state = State.EXT_BWS;
                } else if (!HttpBytes.isOws(b)) {
                    throw RequestRejected.badRequest("malformed chunk extension");
                }
            }
            case EXT_VALUE_START -> {
                if (b == '"') {
                    state = State.EXT_QUOTED;
                } else if (HttpBytes.isToken(b)) {
                    state = State.EXT_TOKEN;
                } else if (!HttpBytes.isOws(b)) {
                    throw RequestRejected.badRequest("malformed chunk extension value");
                }
            }
            case EXT_TOKEN -> {
                if (b == HttpBytes.CR) {
                    state = State.SIZE_LF;
                } else if (b == ';') {
                    state = State.EXT_BWS;
                } else if (!HttpBytes.isToken(b)) {
                    // No whitespace after a token value: Netty refuses it, and the grammar has none before CRLF.
                    throw RequestRejected.badRequest("malformed chunk extension value");
                }
            }
            case EXT_QUOTED -> {
                if (b == '"') {
                    state = State.EXT_AFTER_QUOTED;
                } else if (b == '\\') {
                    state = State.EXT_QUOTED_ESCAPE;
                } else if (!HttpBytes.isQdtext(b)) {
                    throw RequestRejected.badRequest("control byte in a quoted chunk extension");
                }
            }
            case EXT_QUOTED_ESCAPE -> {
                if (!HttpBytes.isQuotedPair(b)) {
                    throw RequestRejected.badRequest("control byte in a quoted chunk extension");
                }
                state = State.EXT_QUOTED;
            }
            case EXT_AFTER_QUOTED -> {
                state = b == HttpBytes.CR ? State.SIZE_LF : bwsThenSemicolon(b);
            }
            case SIZE_LF -> {
                requireLf(b);
                remaining = size;
                state = size == 0 ? State.TRAILER_START : State.DATA;
            }
            case DATA_CR -> {
                if (b != HttpBytes.CR) {
                    throw RequestRejected.badRequest("chunk data longer than its size");
                }
                state = State.DATA_LF;
            }
            case DATA_LF -> {
                requireLf(b);
                state = State.SIZE_FIRST;
                size = 0;
                digits = 0;
            }
            case TRAILER_START -> trailerStart(b);
            case TRAILER_NAME -> trailerName(b);
            case TRAILER_VALUE -> {
                if (b == HttpBytes.CR) {
                    state = State.TRAILER_LF;
                } else if (!HttpBytes.isFieldContent(b)) {
                    throw RequestRejected.badRequest(b == HttpBytes.LF ? "bare LF" : "control byte in a trailer");
                } else {
                    trailerByte();
                }
            }
            case TRAILER_LF -> {
                requireLf(b);
                state = State.TRAILER_START;
            }
            case LAST_LF -> {
                requireLf(b);
                state = State.DONE;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void size(byte b) throws RequestRejected {
        int digit = HttpBytes.hexValue(b);
        if (digit >= 0) {
            if (++digits > MAX_SIZE_DIGITS) {
                throw RequestRejected.badRequest("chunk size too long");
            }
            size = size * 16 + digit;
            if (size > MAX_CHUNK_SIZE) {
                throw RequestRejected.badRequest("chunk size too large");
            }
            state = State.SIZE;
            return;
        }
        if (state == State.SIZE_FIRST) {
            throw RequestRejected.badRequest("malformed chunk size");
        }
        if (b == HttpBytes.CR) {
            state = State.SIZE_LF;
        } else {
            extension();
            state = bwsThenSemicolon(b);
        }
    }

    /** After a size or an extension value: optional whitespace, then ';' and the next extension. */
    private State bwsThenSemicolon(byte b) throws RequestRejected {
        if (b == ';') {
            return State.EXT_BWS;
        }
        if (HttpBytes.isOws(b)) {
            return State.SIZE_BWS;
        }
        throw RequestRejected.badRequest(b == HttpBytes.LF ? "bare LF in a chunk line" : "malformed chunk line");
    }

    private void extension() throws RequestRejected {
        if (++extensionBytes > MAX_EXTENSION_BYTES) {
            throw RequestRejected.badRequest("chunk extensions too long");
        }
    }

    private void trailerStart(byte b) throws RequestRejected {
        if (b == HttpBytes.CR) {
            state = State.LAST_LF;
        } else if (HttpBytes.isToken(b)) {
            trailerNameLength = 0;
            trailerName(b);
        } else {
            throw RequestRejected.badRequest(HttpBytes.isOws(b) ? "obs-fold in a trailer" : "malformed trailer");
        }
    }

    private void trailerName(byte b) throws RequestRejected {
        trailerByte();
        if (HttpBytes.isToken(b)) {
            if (trailerNameLength < trailerName.length) {
                trailerName[trailerNameLength] = b;
            }
            trailerNameLength++;
            state = State.TRAILER_NAME;
        } else if (b == ':' && trailerNameLength > 0) {
            for (byte[] forbidden : FORBIDDEN_TRAILERS) {
                if (trailerNameLength <= trailerName.length
                        && HttpBytes.equalsLower(trailerName, 0, trailerNameLength, forbidden)) {
                    throw RequestRejected.badRequest("framing or routing field in a trailer");
                }
            }
            state = State.TRAILER_VALUE;
        } else {
            throw RequestRejected.badRequest("malformed trailer name");
        }
    }

    private void trailerByte() throws RequestRejected {
        if (++trailerBytes > trailerBudget) {
            throw new RequestRejected(431, "trailer fields too large");
        }
    }

    private static void requireLf(byte b) throws RequestRejected {
        if (b != HttpBytes.LF) {
            throw RequestRejected.badRequest("bare CR in a chunked body");
        }
    }
}
