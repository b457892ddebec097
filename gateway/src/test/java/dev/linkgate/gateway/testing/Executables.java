package dev.linkgate.gateway.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the outside programs the tests run (chromium, chromedriver, redis-server, systemd-analyze) the way a
 * shell would: an environment variable naming the file wins, else the first executable on PATH. A missing
 * one fails the test with the command that installs it; tests never skip.
 */
public final class Executables {
    private Executables() {
    }

    /**
     * @param variable an environment variable that names the executable, or null when there is none
     * @param env      the environment (PATH and variable)
     */
    public static Optional<Path> find(String command, String variable, Map<String, String> env) {
        String named = variable == null ? null : env.get(variable);
        if (named != null && !named.isEmpty()) {
            return executable(named);
        }
        for (String entry : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Optional<Path> candidate = executable((entry.isEmpty() ? "." : entry) + File.separator + command);
            if (candidate.isPresent()) {
                return candidate;
            }
        }
        return Optional.empty();
    }

    /** The executable, or an AssertionError saying it is missing and how to install it. */
    public static Path require(String command, String variable, String install) {
        return find(command, variable, System.getenv()).orElseThrow(() -> new AssertionError(missing(command,
                variable, System.getenv(), install)));
    }

    /** The failure message: what is missing, where it was looked for, the install line. */
    static String missing(String command, String variable, Map<String, String> env, String install) {
        String named = variable == null ? null : env.get(variable);
        String where = named != null && !named.isEmpty()
                ? variable + "=" + named + " is not an executable file"
                : command + " is not on PATH" + (variable == null ? "" : " (nor named by " + variable + ")");
        return "this test needs " + command + ", but " + where + ". Install it with: " + install;
    }

    private static Optional<Path> executable(String file) {
        try {
            Path path = Path.of(file);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
