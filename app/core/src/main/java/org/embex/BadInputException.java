package org.embex;

/**
 * The user's input is wrong (a file, a column, a model id), as opposed to a failure of embex or
 * of the machine. Commands exit with code 2 on it.
 */
public class BadInputException extends EmbexException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
