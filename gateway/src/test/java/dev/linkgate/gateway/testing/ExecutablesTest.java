package dev.linkgate.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir
    Path dir;

    @Test
    void theFirstExecutableOnPathIsFound() throws IOException {
        Path first = Files.createDirectories(dir.resolve("a"));
        Path second = Files.createDirectories(dir.resolve("b"));
        Files.writeString(first.resolve("chromium"), "not executable");
        Path found = executable(second.resolve("chromium"));
        Map<String, String> env = Map.of("PATH", first + File.pathSeparator + second);

        assertEquals(Optional.of(found), Executables.find("chromium", "LINKGATE_CHROMIUM", env));
    }

    @Test
    void theVariableWinsOverPath() throws IOException {
        Path onPath = executable(Files.createDirectories(dir.resolve("bin")).resolve("chromedriver"));
        Path named = executable(dir.resolve("my-driver"));
        Map<String, String> env = Map.of("PATH", onPath.getParent().toString(), "LINKGATE_CHROMEDRIVER",
                named.toString());

        assertEquals(Optional.of(named), Executables.find("chromedriver", "LINKGATE_CHROMEDRIVER", env));
    }

    @Test
    void aVariableNamingNoExecutableIsNotReplacedByPath() throws IOException {
        Path onPath = executable(Files.createDirectories(dir.resolve("bin")).resolve("chromium"));
        Map<String, String> env = Map.of("PATH", onPath.getParent().toString(), "LINKGATE_CHROMIUM",
                dir.resolve("nope").toString());

        assertEquals(Optional.empty(), Executables.find("chromium", "LINKGATE_CHROMIUM", env));
        String message = Executables.missing("chromium", "LINKGATE_CHROMIUM", env, "apt-get install -y chromium");
        assertTrue(message.contains("LINKGATE_CHROMIUM=" + dir.resolve("nope") + " is not an executable file"),
                message);
    }

    @Test
    void aMissingProgramIsReportedWithItsInstallLine() {
        Map<String, String> env = Map.of("PATH", dir.toString());

        assertEquals(Optional.empty(), Executables.find("chromedriver", "LINKGATE_CHROMEDRIVER", env));
        assertEquals("this test needs chromedriver, but chromedriver is not on PATH (nor named by"
                        + " LINKGATE_CHROMEDRIVER). Install it with: apt-get install -y chromium chromium-driver",
                Executables.missing("chromedriver", "LINKGATE_CHROMEDRIVER", env,
                        "apt-get install -y chromium chromium-driver"));
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
