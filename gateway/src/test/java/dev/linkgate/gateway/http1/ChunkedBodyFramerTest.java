package dev.linkgate.gateway.http1;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkedBodyFramerTest {
    private static final int BUDGET = 16384;

    /** Frames {@code body} fed {@code step} bytes at a time; returns how many bytes belong to it. */
    private static int frame(String body, int step) throws RequestRejected {
        ChunkedBodyFramer framer = new ChunkedBodyFramer(BUDGET);
        ByteBuf in = Unpooled.buffer();
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        int framed = 0;
        try {
            for (int fed = 0; fed < bytes.length && !framer.complete(); ) {
                int n = Math.min(step, bytes.length - fed);
                in.writeBytes(bytes, fed, n);
                fed += n;
                int body0 = framer.frame(in);
                in.skipBytes(body0);
                framed += body0;
            }
            return framer.complete() ? framed : -framed - 1;
        } finally {
            in.release();
        }
    }

    private static int status(String body) {
        try {
            frame(body, Integer.MAX_VALUE);
            return 0;
        } catch (RequestRejected e) {
            return e.status();
        }
    }

    @Test
    void theEndOfAChunkedBodyIsFoundAndTheNextRequestLeftInTheBuffer() throws Exception {
        String body = "5\r\nhello\r\n6;ext=\"a b\"\r\n world\r\n0\r\nChecksum: 1\r\n\r\n";
        ChunkedBodyFramer framer = new ChunkedBodyFramer(BUDGET);
        ByteBuf in = Unpooled.copiedBuffer(body + "GET / HTTP/1.1\r\n", StandardCharsets.ISO_8859_1);
        try {
            assertEquals(body.length(), framer.frame(in));
            assertTrue(framer.complete());
            assertEquals(0, in.readerIndex(), "the framer consumes nothing: the relay does");
        } finally {
            in.release();
        }
    }

    @Test
    void aBodyArrivingOneByteAtATimeIsFramedTheSame() throws Exception {
        String body = "a\r\n0123456789\r\n1;x=y\r\nz\r\n0\r\nT: v\r\n\r\n";
        assertEquals(body.length(), frame(body, 1));
        assertEquals(body.length(), frame(body, 3));
    }

    @Test
    void anIncompleteBodyIsNotComplete() throws Exception {
        assertEquals(-9, frame("5\r\nhello", 1) );
        ChunkedBodyFramer framer = new ChunkedBodyFramer(BUDGET);
        ByteBuf in = Unpooled.copiedBuffer("0\r\n", StandardCharsets.ISO_8859_1);
        try {
            assertEquals(3, framer.frame(in));
            assertFalse(framer.complete());
        } finally {
            in.release();
        }
    }

    @Test
    void chunkSizesAreHexDigitsUpToSixteenOfThemAndTwoToThe31Minus1() {
        assertEquals(0, status("A\r\n0123456789\r\n0000000000000000\r\n\r\n"));
        assertEquals(400, status("00000000000000005\r\nhello\r\n0\r\n\r\n"));
        assertEquals(400, status("80000000\r\n"));
        assertEquals(400, status("10000000000000005\r\nhello\r\n0\r\n\r\n"), "no overflow back to a small size");
        for (String bad : new String[] {"0x5", "+5", "-5", " 5", "5 ", "", "5g"}) {
            assertEquals(400, status(bad + "\r\nhello\r\n0\r\n\r\n"), bad);
        }
    }

    @Test
    void everyLineOfTheBodyEndsInCrlfAndChunkDataIsFollowedByOne() {
        assertEquals(400, status("5\nhello\r\n0\r\n\r\n"));
        assertEquals(400, status("5\rhello\r\n0\r\n\r\n"));
        assertEquals(400, status("5\r\nhello\n0\r\n\r\n"));
        assertEquals(400, status("3\r\nhello\r\n0\r\n\r\n"), "data longer than its size");
        assertEquals(400, status("5\r\nhello\r\n0\r\n\n"));
        assertEquals(400, status("5\r\nhello\r\n0\r\n\rX"));
    }

    @Test
    void extensionsFollowTheGrammarWithTokenOrQuotedValues() {
        for (String ok : new String[] {";a", ";a=b", ";a=\"b c\"", ";a=\"b\\\"c\"", " ;a", "; a = 1", ";a;b=2",
            ";a=\"1\";b"}) {
            assertEquals(0, status("5" + ok + "\r\nhello\r\n0\r\n\r\n"), ok);
        }
        for (String bad : new String[] {";", ";;a", ";a ", ";a=1 ", ";a=", ";a=b c", ";a@b", ";a=\"b", ";a=\"b\"c",
            ";a=\"\u00e9\""}) {
            assertEquals(400, status("5" + bad + "\r\nhello\r\n0\r\n\r\n"), bad);
        }
    }

    @Test
    void aQuotedExtensionCannotHideALineEndOrAControlByte() {
        // The quoted-string cases behind CVE-2025-58056 and CVE-2026-33870: a parser that lets a quoted string
        // run past CR or LF ends the chunk line somewhere else than the next hop does.
        assertEquals(400, status("2;a=\"\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n\"\r\nab\r\n0\r\n\r\n"));
        assertEquals(400, status("5;a=\"b\nc\"\r\nhello\r\n0\r\n\r\n"));
        assertEquals(400, status("5;a=\"b\rc\"\r\nhello\r\n0\r\n\r\n"));
        assertEquals(400, status("5;a=\"b\\\rc\"\r\nhello\r\n0\r\n\r\n"));
        assertEquals(400, status("5;a=\"b\u0000c\"\r\nhello\r\n0\r\n\r\n"));
        assertEquals(400, status("5;a\nhello\r\n0\r\n\r\n"), "bare LF ending an extension");
    }

    @Test
    void extensionsAreBoundedPerBody() {
        String within = "1;e=" + "x".repeat(ChunkedBodyFramer.MAX_EXTENSION_BYTES - 3) + "\r\na\r\n0\r\n\r\n";
        assertEquals(0, status(within));
        assertEquals(400, status("1;e=" + "x".repeat(ChunkedBodyFramer.MAX_EXTENSION_BYTES) + "\r\na\r\n0\r\n\r\n"));
        String many = ("1;e=" + "x".repeat(100) + "\r\na\r\n").repeat(50) + "0\r\n\r\n";
        assertEquals(400, status(many));
    }

    @Test
    void trailersAreFieldLinesWithoutFoldingControlBytesOrFramingFields() {
        assertEquals(0, status("0\r\nX-A: 1\r\nX-B:\r\n\r\n"));
        assertEquals(400, status("0\r\nX-A: 1\r\n 2\r\n\r\n"));
        assertEquals(400, status("0\r\n X-A: 1\r\n\r\n"));
        assertEquals(400, status("0\r\nX-A : 1\r\n\r\n"));
        assertEquals(400, status("0\r\nX-A\r\n\r\n"));
        assertEquals(400, status("0\r\nX-A: 1\n\r\n"));
        assertEquals(400, status("0\r\nX-A: 1\u00002\r\n\r\n"));
        for (String name : new String[] {"Content-Length", "transfer-encoding", "Trailer", "HOST"}) {
            assertEquals(400, status("0\r\n" + name + ": 1\r\n\r\n"), name);
        }
    }

    @Test
    void trailersShareTheHeadersBudget() throws Exception {
        RequestHead head = Heads.parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n");
        ChunkedBodyFramer framer = ChunkedBodyFramer.forBodyOf(head, 50);
        int left = 50 - "Host: a".length() - "Transfer-Encoding: chunked".length();
        ByteBuf ok = Unpooled.copiedBuffer("0\r\nT:" + "v".repeat(left - 2) + "\r\n\r\n", StandardCharsets.ISO_8859_1);
        ByteBuf over = Unpooled.copiedBuffer("0\r\nT:" + "v".repeat(left - 1) + "\r\n\r\n",
                StandardCharsets.ISO_8859_1);
        try {
            framer.frame(ok);
            assertTrue(framer.complete());
            try {
                ChunkedBodyFramer.forBodyOf(head, 50).frame(over);
                throw new AssertionError("accepted");
            } catch (RequestRejected e) {
                assertEquals(431, e.status());
            }
        } finally {
            ok.release();
            over.release();
        }
    }
}
