package dev.linkgate.bench;

import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.gateway.http.HopByHop;
import dev.linkgate.gateway.http1.HeadWriter;
import dev.linkgate.gateway.http1.RequestHead;
import dev.linkgate.gateway.http1.RequestHeadParser;
import dev.linkgate.gateway.http1.RequestRejected;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * linkgate's HTTP/1.1 request-head parser against Netty's HttpRequestDecoder (configured as the gateway
 * configures it), on a link click with a current Chrome's navigation headers and on a passthrough GET, both
 * from a direct buffer as a socket read gives them. {@code parse*} reads the head and its path (what routing
 * needs) and, for the click only, the values detection reads (User-Agent, Accept, Accept-Language,
 * Sec-Fetch-Mode, Sec-Fetch-Dest); {@code forward*} also writes the head for the upstream (HeadWriter against
 * the object path: hop-by-hop headers stripped, X-Forwarded-* set, Netty's request encoder; before issue 15 the
 * gateway wrote the head with its own byte copy, ~25% cheaper than Netty's encoder, see docs/performance.md). Run with {@code -prof gc} for the bytes allocated per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestHeadBench {
    static final String CLICK = "GET /sign/7f3a9c2e1b4d5a6e HTTP/1.1\r\nHost: sign.example.com\r\n"
            + "Connection: keep-alive\r\n"
            + "sec-ch-ua: \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"\r\nsec-ch-ua-mobile: ?0\r\n"
            + "sec-ch-ua-platform: \"Windows\"\r\nUpgrade-Insecure-Requests: 1\r\n"
            + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
            + "*/*;q=0.8,"
            + "application/signed-exchange;v=b3;q=0.7\r\n"
            + "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-User: ?1\r\n"
            + "Sec-Fetch-Dest: document\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\nAccept-Language: de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7\r\n"
            + "Cookie: _ga=GA1.2.1234567890.1700000000; theme=dark\r\n\r\n";
    static final String PASSTHROUGH = "GET /static/app.3f9c.js HTTP/1.1\r\nHost: sign.example.com\r\n"
            + "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36\r\nAccept: */*\r\nReferer: https://sign.example.com/sign/x\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\nAccept-Language: de-DE,de;q=0.9\r\n\r\n";

    @Param({"click", "passthrough"})
    public String request;

    private ByteBuf in;
    private boolean click;
    private RequestHeadParser parser;
    private HeadWriter writer;
    private ExposedDecoder decoder;
    private final List<Object> out = new ArrayList<>(2);
    private final List<Object> encoded = new ArrayList<>(1);
    private final ExposedEncoder encoder = new ExposedEncoder();

    @Setup
    public void setUp() {
        click = "click".equals(request);
        byte[] bytes = (click ? CLICK : PASSTHROUGH).getBytes(StandardCharsets.ISO_8859_1);
        in = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
        ServerConfig server = ServerConfig.defaults();
        parser = new RequestHeadParser(server);
        writer = new HeadWriter("app.internal:8081", true);
        decoder = new ExposedDecoder(new HttpDecoderConfig()
                .setMaxInitialLineLength(server.maxRequestLine().toIntBytes())
                .setMaxHeaderSize(server.maxHeaderSize().toIntBytes())
                .setAllowDuplicateContentLengths(false)
                .setUseRfc9112TransferEncoding(true)
                .setStrictLineParsing(true));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        in.release();
    }

    @Benchmark
    public void parseLinkgate(Blackhole bh) throws RequestRejected {
        in.readerIndex(0);
        RequestHead head = parser.parse(in);
        bh.consume(head.path());
        detectionReads(head, bh);
    }

    @Benchmark
    public void parseNetty(Blackhole bh) throws Exception {
        in.readerIndex(0);
        decoder.decodeAll(in, out);
        HttpRequest request = (HttpRequest) out.get(0);
        bh.consume(request.uri());
        nettyDetectionReads(request, bh);
        releaseAll();
    }

    @Benchmark
    public void forwardLinkgate(Blackhole bh) throws RequestRejected {
        in.readerIndex(0);
        RequestHead head = parser.parse(in);
        bh.consume(head.path());
        detectionReads(head, bh);
        ByteBuf upstream = writer.write(head, "198.51.100.23", false, Set.of(), ByteBufAllocator.DEFAULT);
        bh.consume(upstream.readableBytes());
        upstream.release();
    }

    @Benchmark
    public void forwardNetty(Blackhole bh) throws Exception {
        in.readerIndex(0);
        decoder.decodeAll(in, out);
        HttpRequest request = (HttpRequest) out.get(0);
        bh.consume(request.uri());
        nettyDetectionReads(request, bh);
        HopByHop.strip(request.headers());
        request.headers().set("x-forwarded-for", "198.51.100.23").set("x-forwarded-proto", "http")
                .set("x-forwarded-host", request.headers().get(HttpHeaderNames.HOST));
        encoder.encodeHead(request, encoded);
        ByteBuf upstream = (ByteBuf) encoded.get(0);
        bh.consume(upstream.readableBytes());
        upstream.release();
        encoded.clear();
        releaseAll();
    }

    private void nettyDetectionReads(HttpRequest request, Blackhole bh) {
        if (click) {
            bh.consume(request.headers().get(HttpHeaderNames.USER_AGENT));
            bh.consume(request.headers().get(HttpHeaderNames.ACCEPT));
            bh.consume(request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE));
            bh.consume(request.headers().get("Sec-Fetch-Mode"));
            bh.consume(request.headers().get("Sec-Fetch-Dest"));
        }
    }

    private void detectionReads(RequestHead head, Blackhole bh) {
        if (!click) {
            return;
        }
        bh.consume(head.header("User-Agent"));
        bh.consume(head.header("Accept"));
        bh.consume(head.header("Accept-Language"));
        bh.consume(head.header("Sec-Fetch-Mode"));
        bh.consume(head.header("Sec-Fetch-Dest"));
    }

    private void releaseAll() {
        for (Object o : out) {
            ReferenceCountUtil.release(o);
        }
        out.clear();
    }

    /** HttpRequestEncoder's encode called directly, with an EmbeddedChannel's context for its allocator. */
    static final class ExposedEncoder extends HttpRequestEncoder {
        private final ChannelHandlerContext ctx = new EmbeddedChannel(this).pipeline().context(this);

        void encodeHead(HttpRequest request, List<Object> out) throws Exception {
            encode(ctx, request, out);
        }
    }

    /** HttpRequestDecoder's decode called directly: what it costs without a pipeline around it. */
    static final class ExposedDecoder extends HttpRequestDecoder {
        ExposedDecoder(HttpDecoderConfig config) {
            super(config);
        }

        void decodeAll(ByteBuf in, List<Object> out) throws Exception {
            decode(null, in, out);
        }
    }
}
