package dev.linkgate.gateway.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reloads the certificates when their files change. It watches the directories that hold them, not the files:
 * Kubernetes updates a mounted Secret by pointing the directory's {@code ..data} symlink at a new directory, so
 * the files' own paths never see a write. Any event in those directories leads to a reload once the burst has
 * settled; {@link ServerCertificates#reload()} does nothing when the bytes are the same.
 */
public final class CertificateWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateWatcher.class);
    /** A change is usually several events (write, rename, symlink swap): wait this long for quiet. */
    private static final long SETTLE_MILLIS = 200;

    private final WatchService watcher;
    private final Thread thread;

    private CertificateWatcher(WatchService watcher, ServerCertificates certificates) {
        this.watcher = watcher;
        this.thread = new Thread(() -> run(certificates), "linkgate-certificate-watcher");
        this.thread.setDaemon(true);
    }

    public static CertificateWatcher start(ServerCertificates certificates) throws IOException {
        WatchService watcher = FileSystems.getDefault().newWatchService();
        Set<Path> directories = new LinkedHashSet<>();
        for (Path file : certificates.files()) {
            Path dir = file.toAbsolutePath().getParent();
            directories.add(dir);
            // A file that is itself a symlink into another directory (cert-manager, hand-made links): watch
            // where it points too, so that a write to the target is seen.
            Path real = file.toRealPath().getParent();
            directories.add(real);
        }
        for (Path dir : directories) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        CertificateWatcher w = new CertificateWatcher(watcher, certificates);
        w.thread.start();
        return w;
    }

    private void run(ServerCertificates certificates) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                certificates.reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        } catch (RuntimeException e) {
            LOG.warn("certificate watcher stopped; reload on the reload signal only: {}", e.toString());
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the certificate watcher: {}", e.toString());
        }
        thread.interrupt();
    }
}
