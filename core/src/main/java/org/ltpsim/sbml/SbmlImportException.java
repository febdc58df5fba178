package org.ltpsim.sbml;

/**
 * An SBML model that cannot be simulated faithfully: malformed, incomplete, or using a construct ltpsim does not
 * support. The message is one line naming the construct and the element id. It is an
 * {@link IllegalArgumentException} because the model is the caller's input.
 */
public final class SbmlImportException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SbmlImportException(String message) {
        super(message);
    }

    public SbmlImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
