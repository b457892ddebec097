package dev.linkgate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkgate.gateway.testing.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * linkgate as a process, started in an empty directory the way an operator starts it: a config of upstream.url
 * and links is complete (the scanner lists are in the jar), stdout carries the access log and nothing else, and
 * logging.format decides what stderr looks like.
 */
class MainProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:(\\d+) ");
    private static final Pattern TEXT_LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z (INFO |WARN |ERROR) \\w+: .+");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Process process;

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void aMinimalConfigServesFromAnyDirectoryWithOnlyTheAccessLogOnStdout() throws Exception {
        Files.writeString(dir.resolve("linkgate.yaml"), textLogConfig("drain-timeout: 2s"));
        process = start("--config", "linkgate.yaml");
        int port = awaitPort();

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> passthrough = client.send(HttpRequest.newBuilder(uri(port, "/app/home")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(502, passthrough.statusCode(), "nothing listens upstream");
        HttpResponse<String> scanner = client.send(HttpRequest.newBuilder(uri(port, "/sign/tok-process-1"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scanner.statusCode(), "a HEAD on a link gets the Continue page, from the built-in lists");
        // The access log is buffered for up to a second (BufferedStdoutAppender).
        assertTrue(Poll.until(Duration.ofSeconds(10), () -> lines(stdout()).size() >= 2), stdout());

        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops it");
        assertEquals(0, process.exitValue(), stderr());

        List<String> out = lines(stdout());
        assertEquals(2, out.size(), stdout());
        assertFalse(stdout().contains("\u001b"), "no terminal escapes on stdout");
        JsonNode first = JSON.readTree(out.get(0));
        assertEquals(502, first.get("status").asInt(), out.get(0));
        JsonNode second = JSON.readTree(out.get(1));
        assertEquals("HEAD", second.get("method").asText());
        assertFalse(out.get(1).contains("tok-process-1"), "the token is redacted");

        List<String> err = lines(stderr());
        assertTrue(err.stream().anyMatch(l -> l.contains("WARN  ConfigLoader: No secret configured")
                || l.contains("WARN  Main: No secret configured")), stderr());
        for (String line : err) {
            if (!line.startsWith("\t") && !line.startsWith("Caused by") && !line.startsWith("java.")
                    && !line.startsWith("io.")) {
                assertTrue(TEXT_LINE.matcher(line).matches(), "text log line: " + line);
            }
        }
    }

    @Test
    void checkConfigPrintsOnlyItsVerdictOnStdoutAndLogsJsonByDefault() throws Exception {
        Files.writeString(dir.resolve("linkgate.yaml"), """
                upstream: { url: "http://127.0.0.1:8081" }
                links:
                  - path: "/sign/{token}"
                secret: "${LINKGATE_SECRET}"
                """);
        process = start("check-config", "linkgate.yaml");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));

        assertEquals(0, process.exitValue(), stderr());
        assertEquals("config ok: linkgate.yaml\n", stdout());
        List<String> err = lines(stderr());
        assertEquals(1, err.size(), stderr());
        JsonNode warning = JSON.readTree(err.get(0));
        assertEquals("WARN", warning.get("level").asText());
        assertTrue(warning.get("formattedMessage").asText().contains("export LINKGATE_SECRET"), err.get(0));
    }

    @Test
    void helpIsOnStdoutWithExitZero() throws Exception {
        process = start("explain", "--help");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));

        assertEquals(0, process.exitValue());
        assertTrue(stdout().startsWith("usage: java -jar linkgate.jar explain"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void withoutTheNativeTransportsAutoRunsOnNioAndSaysWhyWhileANamedOneStopsTheStart() throws Exception {
        // What a kernel or sandbox without io_uring and epoll looks like to Netty.
        List<String> noNative = List.of("-Dio.netty.transport.noNative=true");
        Files.writeString(dir.resolve("auto.yaml"), textLogConfig("transport: auto"));
        process = start(noNative, "--config", "auto.yaml");
        awaitPort();
        // Netty's reason for each, in brackets, names the switch.
        assertTrue(Pattern.compile("server\\.transport auto: io_uring \\([^)]*noNative=true\\), epoll \\([^)]*"
                + "noNative=true\\) unavailable; event loops on nio").matcher(stderr()).find(), stderr());
        assertTrue(stderr().contains(" (nio), admin on "), stderr());
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));

        Files.writeString(dir.resolve("named.yaml"), textLogConfig("transport: io_uring"));
        process = start(noNative, "--config", "named.yaml");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), stderr());
        assertTrue(Pattern.compile("linkgate: server\\.transport: io_uring is not available here \\([^)]*noNative="
                + "true\\); set transport: auto to fall back to the next one that is").matcher(stderr()).find(), stderr());
    }

    /** Free ports, an upstream nobody listens on, logs as text, and the given {@code server} keys. */
    private static String textLogConfig(String serverKeys) throws IOException {
        return """
                listen: { port: 0 }
                admin: { port: 0 }
                upstream: { url: "http://127.0.0.1:%d" }
                links:
                  - path: "/sign/{token}"
                logging: { format: text }
                server: { %s }
                """.formatted(closedPort(), serverKeys);
    }

    private Process start(String... args) throws IOException, URISyntaxException {
        return start(List.of(), args);
    }

    /**
     * The gateway's main class on the test's class path, with the product's logback.xml, in the temp dir. Only
     * the quick compiler: these runs are short, and start-up is most of their time.
     */
    private Process start(List<String> jvmOptions, String... args) throws IOException, URISyntaxException {
        Path logback = Path.of(Main.class.getResource("/logback.xml").toURI());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logback));
        command.addAll(jvmOptions);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        builder.environment().remove("LINKGATE_SECRET");
        return builder.start();
    }

    private int awaitPort() throws Exception {
        Matcher[] found = new Matcher[1];
        boolean started = Poll.until(Duration.ofSeconds(30), () -> {
            Matcher m = LISTENING.matcher(stderr());
            if (m.find()) {
                found[0] = m;
                return true;
            }
            if (!process.isAlive()) {
                throw new AssertionError("linkgate exited " + process.exitValue() + ": " + stderr());
            }
            return false;
        });
        assertTrue(started, "no 'listening on' line: " + stderr());
        return Integer.parseInt(found[0].group(1));
    }

    private String stdout() throws IOException {
        return Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
