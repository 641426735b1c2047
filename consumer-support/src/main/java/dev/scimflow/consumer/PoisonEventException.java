package dev.scimflow.consumer;

/**
 * A change event that can never be applied (unknown schema version, a payload that breaks the contract). It is
 * not retried: it goes to the dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
