package dev.linkgate.bench;

import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.gateway.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;

import java.net.InetSocketAddress;
import java.util.ArrayList;

/**
 * The floor under any Netty proxy on this machine: bytes copied from each client connection to its own upstream
 * connection and back, no HTTP parsed, nothing logged, on event loops of the transport linkgate would pick
 * ({@code server.transport}, auto unless a third argument names one), as many as a fourth says. Not a proxy
 * anyone should deploy (no framing, no pooling, no limits); {@code BENCH_FLOOR=1 scripts/bench} runs it beside
 * nginx and linkgate on the passthrough route, to show how much of linkgate's CPU per request is Netty and the
 * kernel and how much is HTTP.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.linkgate.bench.NettyFloor LISTEN_PORT UPSTREAM_PORT [TRANSPORT [THREADS]]</pre>
 * THREADS is the number of event loops, {@code auto} (the default) one per CPU as linkgate's {@code server.io-threads}.
 */
public final class NettyFloor {
    private NettyFloor() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: NettyFloor LISTEN_PORT UPSTREAM_PORT [auto|io_uring|epoll|nio [auto|THREADS]] (on 127.0.0.1)");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        InetSocketAddress upstream = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        ServerConfig.Transport wanted = args.length >= 3 ? null : ServerConfig.Transport.AUTO;
        for (ServerConfig.Transport t : ServerConfig.Transport.values()) {
            if (args.length >= 3 && t.spelling().equals(args[2])) {
                wanted = t;
            }
        }
        if (wanted == null) {
            System.err.println("NettyFloor: transport \"" + args[2] + "\" is not one of auto, io_uring, epoll, nio");
            System.exit(2);
        }
        int threads = Runtime.getRuntime().availableProcessors();
        if (args.length == 4 && !args[3].equals("auto")) {
            if (!args[3].matches("[1-9][0-9]{0,2}")) {
                System.err.println("NettyFloor: threads \"" + args[3] + "\" is not auto or a number from 1 to 999");
                System.exit(2);
            }
            threads = Integer.parseInt(args[3]);
        }
        Transport transport = Transport.candidates(wanted, new ArrayList<>()).get(0);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlerFactory());
        Channel server = new ServerBootstrap().group(loops).channel(transport.serverChannel())
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.pipeline().addLast(new ClientSide(upstream, transport));
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        System.err.println("NettyFloor on 127.0.0.1:" + port + " (" + transport.name() + ", event loops: " + threads + ") -> "
                + upstream);
        server.closeFuture().sync();
    }

    /** Writes what one side reads to the other, flushing once per read burst; either side closing closes both. */
    private static class Relay extends ChannelInboundHandlerAdapter {
        Channel to;

        Relay(Channel to) {
            this.to = to;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            to.write(msg, to.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            to.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (to != null) {
                to.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    /** The client's side: opens its own upstream connection and reads only once that is there. */
    private static final class ClientSide extends Relay {
        private final InetSocketAddress upstream;
        private final Transport transport;

        ClientSide(InetSocketAddress upstream, Transport transport) {
            super(null);
            this.upstream = upstream;
            this.transport = transport;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            new Bootstrap().group(client.eventLoop()).channel(transport.socketChannel())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new Relay(client))
                    .connect(upstream)
                    .addListener((ChannelFutureListener) f -> {
                        if (!f.isSuccess()) {
                            client.close();
                            return;
                        }
                        to = f.channel();
                        client.config().setAutoRead(true);
                    });
        }
    }
}
