package dev.linkgate.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void servingTracksOneBufferIn4096ForLeaksUnlessTheOperatorSetsIt() {
        Properties unset = new Properties();
        Main.leakSampling(unset);
        assertEquals("4096", unset.getProperty("io.netty.leakDetection.samplingInterval"));

        Properties operator = new Properties();
        operator.setProperty("io.netty.leakDetection.samplingInterval", "1");
        Main.leakSampling(operator);
        assertEquals("1", operator.getProperty("io.netty.leakDetection.samplingInterval"), "the operator's -D wins");
    }

    @Test
    void versionPrintsTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("linkgate "));
    }

    @Test
    void aBadConfigExitsNonZeroWithItsOneLineExplanation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("linkgate.yaml");
        Files.writeString(file, "upstream:\n  url: \"http://127.0.0.1:8081\"\nlinks:\n  - path: \"/sign/{token}\"\n"
                + "policy:\n  double-click-window: 2x\n");

        assertEquals(2, run("check-config", file.toString()));

        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(message.startsWith("config error at policy.double-click-window"), message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void aMissingConfigFileExitsNonZero(@TempDir Path dir) {
        assertEquals(2, run("--config", dir.resolve("absent.yaml").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("absent.yaml"));
    }

    @Test
    void upstreamAndLinksAloneCheckOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("linkgate.yaml");
        Files.writeString(file, "upstream:\n  url: \"http://127.0.0.1:8081\"\nlinks:\n  - path: \"/sign/{token}\"\n");

        assertEquals(0, run("check-config", file.toString()), err.toString(StandardCharsets.UTF_8));
        assertEquals("config ok: " + file, out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aMissingListFileIsNamedByItsKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("linkgate.yaml");
        Files.writeString(file, "upstream:\n  url: \"http://127.0.0.1:8081\"\nlinks:\n  - path: \"/sign/{token}\"\n"
                + "detection:\n  extra-networks: [" + dir.resolve("ours.txt") + "]\n");

        assertEquals(2, run("check-config", file.toString()));
        assertEquals("config error at detection.extra-networks[0]: " + dir.resolve("ours.txt") + ": no such file"
                        + " (a relative path resolves against the working directory, " + Path.of("").toAbsolutePath()
                        + ")", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void helpGoesToStdoutAndExitsZero() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("check-config FILE") && help.contains("explain [--config FILE]"), help);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCommandsHelpGoesToStdoutAndExitsZero() {
        assertEquals(0, run("check-config", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: java -jar linkgate.jar check-config FILE"));
        out.reset();
        assertEquals(0, run("explain", "--config", "x.yaml", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: java -jar linkgate.jar explain"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownArgumentsGetTheUsage() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));
    }
}
