package dev.linkgate.gateway.http1;

import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.gateway.proxy.Upgrade;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a running gateway must do with a case's bytes, worked out from linkgate's parser alone (the gateway's
 * limits are the defaults the parser runs with here): the client gets one answer per request the parser
 * completed, in order, until the connection ends; each such request reaches the upstream with the same method,
 * origin-form target and body data, except the ones the gateway answers itself ({@code Expect} other than
 * 100-continue: 417 and an Upgrade to anything but WebSocket or h2c: 400, both closing; a continue form: 403). A request that does not keep
 * the connection alive ends it after its answer. If the parser refuses what follows, the client gets its status
 * and a close. A request whose head the parser accepted but whose body it refused or never saw end
 * ({@link #unfinished}) may reach the upstream, but only with a body that never completes.
 *
 * @param answers    what the client must receive, in order
 * @param closes     the gateway must close the connection after the last answer
 * @param unfinished the head of a request whose body the parser refused or did not see end, or null
 */
record GatewayExpectation(List<Answer> answers, boolean closes, Unfinished unfinished) {
    private static final int MAX_HEADER = ServerConfig.defaults().maxHeaderSize().toIntBytes();

    /** One answer: from the upstream for {@code forwarded} (method, origin-form target, data), else local. */
    record Answer(int status, String method, String target, String dataHex, boolean forwarded) {
        @Override
        public String toString() {
            return forwarded ? method + " " + target + " (" + dataHex.length() / 2 + " bytes)" : "local " + status;
        }
    }

    record Unfinished(String method, String target) {
    }

    List<Answer> forwarded() {
        return answers.stream().filter(Answer::forwarded).toList();
    }

    static GatewayExpectation of(byte[] bytes) {
        RequestHeadParser parser = new RequestHeadParser(ServerConfig.defaults());
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        List<Answer> answers = new ArrayList<>();
        RequestHead open = null;
        try {
            while (true) {
                RequestHead head = parser.parse(in);
                if (head == null) {
                    return new GatewayExpectation(answers, false, null);
                }
                open = head;
                byte[] data = body(head, in);
                if (data == null) {
                    return new GatewayExpectation(answers, false, unfinished(head));
                }
                open = null;
                if (head.expectation() == RequestHead.Expectation.OTHER) {
                    answers.add(local(417));
                    return new GatewayExpectation(answers, true, null);
                }
                if (Upgrade.of(head) == Upgrade.OTHER) {
                    answers.add(local(400));
                    return new GatewayExpectation(answers, true, null);
                }
                if (continueForm(head)) {
                    answers.add(local(403));
                    continue;
                }
                answers.add(new Answer(200, head.method(), head.originForm(), HexFormat.of().formatHex(data), true));
                if (!head.keepAlive()) {
                    return new GatewayExpectation(answers, true, null);
                }
            }
        } catch (RequestRejected refused) {
            answers.add(local(refused.status()));
            return new GatewayExpectation(answers, true, open == null ? null : unfinished(open));
        } finally {
            in.release();
        }
    }

    /** The body's data (a chunked one dechunked), or null when the bytes end before it does. */
    private static byte[] body(RequestHead head, ByteBuf in) throws RequestRejected {
        if (head.framing() == RequestHead.Framing.CHUNKED) {
            ChunkedBodyFramer framer = ChunkedBodyFramer.forBodyOf(head, MAX_HEADER);
            int start = in.readerIndex();
            while (!framer.complete()) {
                int n = framer.frame(in);
                if (n == 0) {
                    return null;
                }
                in.skipBytes(n);
            }
            byte[] raw = new byte[in.readerIndex() - start];
            in.getBytes(start, raw);
            return ChunkedBody.data(raw);
        }
        long length = Math.max(0, head.contentLength());
        if (in.readableBytes() < length) {
            return null;
        }
        byte[] data = new byte[(int) length];
        in.readBytes(data);
        return data;
    }

    /**
     * A urlencoded POST on a link's path ({@code /sign/{token}} in {@code TestConfig}) is the interstitial's
     * continue form, which linkgate reads itself: 403, as no corpus case carries a continue token it signed.
     */
    private static boolean continueForm(RequestHead head) {
        String type = head.header("Content-Type");
        return head.method().equals("POST") && head.path().startsWith("/sign/") && type != null
                && type.split(";", 2)[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    private static Answer local(int status) {
        return new Answer(status, null, null, null, false);
    }

    private static Unfinished unfinished(RequestHead head) {
        return new Unfinished(head.method(), head.originForm());
    }
}
