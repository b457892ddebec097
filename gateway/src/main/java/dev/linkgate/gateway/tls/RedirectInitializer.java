package dev.linkgate.gateway.tls;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;

/** The plain listener of listen.redirect-http-port: one request, its redirect, close. */
public final class RedirectInitializer extends ChannelInitializer<SocketChannel> {
    /** A redirect is one small request: a client that takes longer is not a browser following a link. */
    private static final int READ_TIMEOUT_SECONDS = 10;
    private final int httpsPort;
    private final ChannelGroup clients;

    public RedirectInitializer(int httpsPort, ChannelGroup clients) {
        this.httpsPort = httpsPort;
        this.clients = clients;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        clients.add(ch);
        ch.pipeline().addLast("timeout", new ReadTimeoutHandler(READ_TIMEOUT_SECONDS))
                .addLast("http-codec", new HttpServerCodec())
                .addLast("redirect", new HttpsRedirect(httpsPort));
    }
}
