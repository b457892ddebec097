package dev.linkgate.gateway.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.linkgate.core.config.ServerConfig;
import dev.linkgate.gateway.testing.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/systemd/linkgate.service passes systemd's own check and keeps the promises the README makes. */
class SystemdUnitTest {
    private static final String JAVA = "/usr/bin/java";

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutAWord(@TempDir Path dir) throws Exception {
        Path analyze = Executables.require("systemd-analyze", null, "apt-get install -y systemd");
        // verify checks that ExecStart's program exists; Debian's openjdk is at /usr/bin/java, a test machine's
        // Java may be elsewhere. Only that path is replaced; every other line is verified as shipped.
        String unit = Files.readString(unit());
        assertTrue(unit.contains("ExecStart=" + JAVA + " "));
        Path copy = dir.resolve("linkgate.service");
        Files.writeString(copy, unit.replace("ExecStart=" + JAVA + " ",
                "ExecStart=" + Path.of(System.getProperty("java.home"), "bin", "java") + " "));

        Process p = new ProcessBuilder(analyze.toString(), "verify", "--man=no", copy.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify finishes");
        assertEquals(0, p.exitValue(), output);
        assertEquals("", output.strip(), "no warning: an unknown or misspelt setting is only a warning to systemd");
    }

    @Test
    void theUnitRunsAsItsOwnUserReloadsOnSighupAndRestartsOnFailure() throws IOException {
        Map<String, List<String>> service = section("Service");
        assertEquals(List.of("linkgate"), service.get("User"));
        assertEquals(List.of("/bin/kill -HUP $MAINPID"), service.get("ExecReload"));
        assertEquals(List.of("on-failure"), service.get("Restart"));
        String start = service.get("ExecStart").get(0);
        assertTrue(start.startsWith(JAVA + " "), start);
        assertTrue(start.endsWith(" --config /etc/linkgate/linkgate.yaml"), start);
        Duration stop = Duration.ofSeconds(Long.parseLong(service.get("TimeoutStopSec").get(0).replace("s", "")));
        assertTrue(stop.compareTo(ServerConfig.defaults().drainTimeout()) > 0, "stop timeout outlasts the drain");
        for (String hardening : List.of("NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp",
                "PrivateDevices", "RestrictAddressFamilies", "SystemCallFilter", "CapabilityBoundingSet")) {
            assertTrue(service.containsKey(hardening), hardening);
        }
        assertEquals(List.of("strict"), service.get("ProtectSystem"));
        assertFalse(service.containsKey("MemoryDenyWriteExecute"), "the JVM's JIT needs it off");
    }

    private static Path unit() {
        return DeployFiles.deploy("systemd/linkgate.service");
    }

    /** KEY=VALUE lines of one [Section]; a key written twice keeps both values. */
    private static Map<String, List<String>> section(String name) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String current = null;
        for (String line : Files.readAllLines(unit())) {
            String s = line.strip();
            if (s.startsWith("[")) {
                current = s.substring(1, s.length() - 1);
            } else if (name.equals(current) && !s.isEmpty() && !s.startsWith("#")) {
                int eq = s.indexOf('=');
                out.computeIfAbsent(s.substring(0, eq), k -> new ArrayList<>()).add(s.substring(eq + 1));
            }
        }
        return out;
    }
}
