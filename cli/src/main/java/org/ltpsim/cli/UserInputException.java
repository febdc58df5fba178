package org.ltpsim.cli;

/** Bad input from the user: the message is the one line they see, naming the offending key and value. */
public final class UserInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
