package dev.linkgate.bench;

import dev.linkgate.core.config.DetectionConfig;
import dev.linkgate.core.config.ListSource;
import dev.linkgate.core.config.PolicyConfig;
import dev.linkgate.core.detect.Detector;
import dev.linkgate.core.detect.RequestClassifier;
import dev.linkgate.core.detect.StaleBrowsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The detector as shipped: config/scanners/user-agents.txt, networks.txt and cloud-networks.txt of the project
 * (default policy), found from
 * {@code -Dlinkgate.dir} or by walking up from the working directory.
 */
public final class ShippedDetector {
    /** The product's default for policy.stale-majors. */
    public static final int STALE_MAJORS = StaleBrowsers.DEFAULT_STALE_MAJORS;

    private ShippedDetector() {
    }

    public static RequestClassifier load() {
        return load(true);
    }

    /** @param withClouds false leaves cloud-networks.txt out: what the cloud list costs a request */
    public static RequestClassifier load(boolean withClouds) {
        Path scanners = projectDir().resolve("config/scanners");
        Path userAgents = scanners.resolve("user-agents.txt");
        Path networks = scanners.resolve("networks.txt");
        ListSource clouds = withClouds ? ListSource.file(scanners.resolve("cloud-networks.txt")) : null;
        return Detector.load(new DetectionConfig(ListSource.file(userAgents), ListSource.file(networks), List.of(),
                List.of(), clouds), PolicyConfig.defaults());
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
