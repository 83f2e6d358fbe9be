package io.omnipulse.console.services;

/**
 * A service refused or failed a call: its HTTP status and its problem document's words, which the
 * console shows to the person as they are (they name the field or the step that was refused).
 */
public class ServiceException extends RuntimeException {

    private final int status;

    public ServiceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
