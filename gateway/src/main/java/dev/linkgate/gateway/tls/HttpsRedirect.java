package dev.linkgate.gateway.tls;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * listen.redirect-http-port: every plain HTTP request is answered with a redirect to the same host and target
 * over https (308 keeps the method and body for a POST, 301 for GET and HEAD as browsers cache it), and the
 * connection closed: nothing on this port is proxied, so no link can be opened over plain HTTP.
 */
public final class HttpsRedirect extends SimpleChannelInboundHandler<HttpObject> {
    private final int httpsPort;

    /** @param httpsPort the TLS listener's port; left out of the URL when it is 443 */
    public HttpsRedirect(int httpsPort) {
        this.httpsPort = httpsPort;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        ctx.read();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (!(msg instanceof HttpRequest request)) {
            ctx.read();
            return;
        }
        String host = hostOnly(request.headers().get(HttpHeaderNames.HOST));
        FullHttpResponse r;
        if (host == null || request.decoderResult().isFailure()) {
            r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.EMPTY_BUFFER);
        } else {
            boolean safe = HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method());
            String target = request.uri().startsWith("/") ? request.uri() : "/";
            r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    safe ? HttpResponseStatus.MOVED_PERMANENTLY : HttpResponseStatus.PERMANENT_REDIRECT,
                    Unpooled.EMPTY_BUFFER);
            r.headers().set(HttpHeaderNames.LOCATION, "https://" + host + (httpsPort == 443 ? "" : ":" + httpsPort)
                    + target);
        }
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    /** The Host header's name without its port, or null when it is not a plain host name or address. */
    static String hostOnly(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI("http://" + hostHeader.strip() + "/");
            String host = uri.getHost();
            if (host == null || uri.getRawUserInfo() != null || !"/".equals(uri.getRawPath())) {
                return null;
            }
            return host;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
