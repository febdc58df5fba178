package org.ltpsim.parallel;

/**
 * A shard file or checkpoint that cannot be used: not ltpsim's, cut short, altered, or of another run. The message
 * is one line that names the file and says which.
 */
public final class UnusableFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnusableFileException(String message) {
        super(message);
    }

    public UnusableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
