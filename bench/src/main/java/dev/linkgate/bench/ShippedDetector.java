package dev.linkgate.bench;

import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.RequestClassifier;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The detector as shipped: config/scanners/user-agents.txt and networks.txt of the project, found from
 * {@code -Dlinkgate.dir} or by walking up from the working directory.
 */
public final class ShippedDetector {
    /** The product's default for policy.stale-majors. */
    public static final int STALE_MAJORS = 8;

    private ShippedDetector() {
    }

    public static RequestClassifier load() {
        Path scanners = projectDir().resolve("config/scanners");
        Path userAgents = scanners.resolve("user-agents.txt");
        Path networks = scanners.resolve("networks.txt");
        // Reflective until Detector.load lands from the detect branch; then a plain call.
        try {
            return (RequestClassifier) Detector.class
                    .getMethod("load", Path.class, Path.class, List.class, List.class, int.class)
                    .invoke(null, userAgents, networks, List.of(), List.of(), STALE_MAJORS);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Detector.load is not on this branch yet (merge main once detect lands)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Detector.load failed on " + scanners, e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path projectDir() {
        String configured = System.getProperty("linkgate.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("config/scanners/user-agents.txt"))) {
                return dir;
            }
        }
        throw new IllegalStateException("config/scanners/ not found above " + Path.of("").toAbsolutePath()
                + ": run from the project or pass -Dlinkgate.dir=...");
    }
}
