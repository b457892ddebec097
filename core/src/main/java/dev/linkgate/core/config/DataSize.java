package dev.linkgate.core.config;

/** A size in bytes, written in config as 512, 8KiB, 16KiB, 1MiB, 256KiB, 2GiB (also KB/MB = 1000-based). */
public record DataSize(long bytes) {
    public int toIntBytes() {
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
