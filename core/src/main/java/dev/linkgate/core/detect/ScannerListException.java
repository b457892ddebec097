package dev.linkgate.core.detect;

/** A scanner list (user agents or networks) has a line linkgate cannot read. The message names file and line. */
public final class ScannerListException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public ScannerListException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** The file (or setting) the line came from. */
    public String source() {
        return source;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }
}
