package dev.linkgate.gateway.admin;

/**
 * One thread's access log lines waiting to be written: whole lines only, in the order that thread logged them.
 *
 * <p>Only its owner appends. The lock is there for the periodic flush, which runs on another thread about once
 * a second; otherwise it is never contended, so an event loop appending never waits for the other loops.
 * {@link Stdout} is handed full buffers and writes each as one piece, so lines from different threads never
 * mix inside a line.
 */
final class LineBuffer {
    /** Where full buffers go: written whole, under its own lock, once per buffer (not once per line). */
    interface Stdout {
        void write(byte[] bytes, int length);
    }

    private final Thread owner = Thread.currentThread();
    private final Stdout stdout;
    private final byte[] bytes;
    private int length;

    LineBuffer(int size, Stdout stdout) {
        this.bytes = new byte[size];
        this.stdout = stdout;
    }

    /**
     * The message and a newline when every character is ASCII, copied without an intermediate array: what
     * {@link MessageLineEncoder} would encode, byte for byte. False (nothing appended) when a character is not
     * ASCII: the caller encodes the line and calls {@link #appendLine}.
     */
    synchronized boolean appendAscii(String message) {
        int n = message.length();
        if (n + 1 > bytes.length - length) {
            if (n + 1 > bytes.length) {
                return false; // longer than a whole buffer: encoded and written on its own
            }
            writeOut();
        }
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = message.charAt(i);
            if (c >= 0x80) {
                return false; // length unchanged: what was copied is overwritten later
            }
            bytes[at++] = (byte) c;
        }
        bytes[at++] = '\n';
        length = at;
        return true;
    }

    /** An encoded line: into the buffer, or written at once (after what is buffered) when larger than it. */
    synchronized void appendLine(byte[] line) {
        if (line.length > bytes.length - length) {
            writeOut();
            if (line.length > bytes.length) {
                stdout.write(line, line.length);
                return;
            }
        }
        System.arraycopy(line, 0, bytes, length, line.length);
        length += line.length;
    }

    /** The first {@code n} bytes of {@code line} and a newline, as {@link #appendLine(byte[])} would write them. */
    synchronized void appendLine(byte[] line, int n) {
        if (n + 1 > bytes.length - length) {
            writeOut();
            if (n + 1 > bytes.length) {
                byte[] whole = java.util.Arrays.copyOf(line, n + 1);
                whole[n] = '\n';
                stdout.write(whole, whole.length);
                return;
            }
        }
        System.arraycopy(line, 0, bytes, length, n);
        length += n;
        bytes[length++] = '\n';
    }

    /** Writes out what is buffered; the periodic flush and the flush at stop. */
    synchronized void flush() {
        writeOut();
    }

    /** True once the thread that logged here has ended: after a last flush, the buffer can be let go. */
    boolean orphaned() {
        return !owner.isAlive();
    }

    private void writeOut() {
        if (length > 0) {
            stdout.write(bytes, length);
            length = 0;
        }
    }
}
