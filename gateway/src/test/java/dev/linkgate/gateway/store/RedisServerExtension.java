package dev.linkgate.gateway.store;

import dev.linkgate.gateway.testing.Executables;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} from PATH for one test class, on a free loopback port, with nothing written to
 * disk. {@link #stop()} and {@link #start()} keep the port, for outage tests. A missing binary fails the
 * tests: the shared ledger must not go untested.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {
    private static final long READY_WITHIN_MILLIS = 10_000;

    private final List<String> extraArgs;
    private Path dir;
    private int port;
    private Process process;
    private RedisClient inspector;
    private StatefulRedisConnection<String, String> inspection;

    public RedisServerExtension(String... extraArgs) {
        this.extraArgs = List.of(extraArgs);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("linkgate-redis-");
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (inspector != null) {
            inspection.close();
            inspector.shutdown(Duration.ofMillis(50), Duration.ofSeconds(2));
            inspector = null;
        }
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** A plain connection for a test to look at what the code under test stored; closed after the class. */
    public synchronized RedisCommands<String, String> inspect() {
        if (inspector == null) {
            inspector = RedisClient.create(uri());
            inspection = inspector.connect();
        }
        return inspection.sync();
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
        command.addAll(extraArgs);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                .start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        awaitPong(started);
    }

    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private void awaitPong(Process started) throws IOException, InterruptedException {
        boolean up;
        try {
            up = dev.linkgate.gateway.testing.Poll.until(Duration.ofMillis(READY_WITHIN_MILLIS), () -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("redis-server exited with " + started.exitValue() + ": "
                            + Files.readString(dir.resolve("redis.log")));
                }
                return pong();
            });
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        if (!up) {
            started.destroyForcibly();
            throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                    + READY_WITHIN_MILLIS + " ms");
        }
    }

    private boolean pong() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, n, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static Path binary() {
        return Executables.require("redis-server", null, "apt-get install -y redis-server");
    }
}
