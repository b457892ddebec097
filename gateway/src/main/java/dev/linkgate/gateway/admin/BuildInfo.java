package dev.linkgate.gateway.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and git revision this build was made from, written into {@code linkgate-build.properties} by
 * Maven's resource filtering (the revision from git-commit-id-maven-plugin). A build outside a git checkout
 * says {@code unknown}.
 */
public record BuildInfo(String version, String revision) {
    private static final String RESOURCE = "/linkgate-build.properties";

    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(value(p, "version"), value(p, "revision"));
    }

    /** A placeholder Maven left unfiltered (no git, or an IDE build) reads as unknown. */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() || v.contains("${") ? "unknown" : v;
    }
}
