package dev.linkgate.core.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A certificate and its private key, both PEM: the chain (leaf first) in the certificate file; the key as
 * PKCS#8, or PKCS#1 RSA / SEC1 EC. The files are read at start and again whenever they change.
 */
public record CertificateFiles(Path certFile, Path keyFile) {
    public CertificateFiles {
        requireReadable(certFile, "cert-file");
        requireReadable(keyFile, "key-file");
    }

    static void requireReadable(Path file, String key) {
        if (file == null) {
            throw new InvalidConfigValue(key, "missing required key");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidConfigValue(key, "file \"" + file + "\" does not exist or cannot be read (relative"
                    + " paths are resolved against the working directory, " + Path.of("").toAbsolutePath() + ")");
        }
    }
}
