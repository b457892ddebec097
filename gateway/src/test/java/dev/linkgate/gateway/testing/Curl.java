package dev.linkgate.gateway.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** The real curl, as a client of the gateway: its exit code and what it wrote. */
public final class Curl {
    /** @param out stdout (with -w, the write-out line) */
    public record Result(int exit, String out, String err) {
    }

    private Curl() {
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("curl");
        command.add("--silent");
        command.add("--show-error");
        command.add("--max-time");
        command.add("10");
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            fail("curl is not installed: apt-get install -y curl (" + e.getMessage() + ")");
            throw e;
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("curl did not finish: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
