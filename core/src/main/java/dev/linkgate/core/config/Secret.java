package dev.linkgate.core.config;

/**
 * The key that signs continue tokens. {@code generated} is true when none was configured and a random one
 * was made: continue pages then do not survive a restart or work across replicas.
 */
public record Secret(byte[] bytes, boolean generated) {
    @Override
    public String toString() {
        return "Secret[" + bytes.length + " bytes" + (generated ? ", generated" : "") + "]";
    }
}
