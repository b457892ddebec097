package dev.linkgate.gateway;

import dev.linkgate.core.config.ServerConfig;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * How the event loops talk to the kernel ({@code server.transport}): io_uring (requests queued in rings shared
 * with the kernel, completions read back in batches: fewer system calls a request), epoll, or Java's NIO.
 */
public record Transport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends ServerChannel> serverChannel,
                        Class<? extends SocketChannel> socketChannel) {

    /**
     * The transports to try, best first: for {@code auto} each one this machine offers, ending with NIO (which
     * always loads); for a named one just that one.
     *
     * @param skipped where {@code auto} says which transports it passed over and why
     * @throws IllegalArgumentException when the named transport is not available here, with the kernel's reason
     */
    public static List<Transport> candidates(ServerConfig.Transport wanted, List<String> skipped) {
        List<Transport> list = new ArrayList<>(3);
        switch (wanted) {
            case AUTO -> {
                if (IoUring.isAvailable()) {
                    list.add(ioUring());
                } else {
                    skipped.add("io_uring (" + reason(IoUring.unavailabilityCause()) + ")");
                }
                if (Epoll.isAvailable()) {
                    list.add(epoll());
                } else {
                    skipped.add("epoll (" + reason(Epoll.unavailabilityCause()) + ")");
                }
                list.add(nio());
            }
            case IO_URING -> {
                require("io_uring", IoUring.isAvailable(), IoUring.unavailabilityCause());
                list.add(ioUring());
            }
            case EPOLL -> {
                require("epoll", Epoll.isAvailable(), Epoll.unavailabilityCause());
                list.add(epoll());
            }
            case NIO -> list.add(nio());
        }
        return list;
    }

    /** The first of {@link #candidates} (tests and tools that build their own loops). */
    public static Transport detect() {
        return candidates(ServerConfig.Transport.AUTO, new ArrayList<>()).get(0);
    }

    private static void require(String name, boolean available, Throwable cause) {
        if (!available) {
            throw new IllegalArgumentException("server.transport: " + name + " is not available here ("
                    + reason(cause) + "); set transport: auto to fall back to the next one that is");
        }
    }

    /** One line: the deepest cause's message, which is the kernel's (or the sandbox's) answer. */
    static String reason(Throwable cause) {
        if (cause == null) {
            return "no reason given";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replace('\n', ' ');
    }

    private static Transport ioUring() {
        return new Transport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class,
                IoUringSocketChannel.class);
    }

    private static Transport epoll() {
        return new Transport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                EpollSocketChannel.class);
    }

    private static Transport nio() {
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
    }
}
