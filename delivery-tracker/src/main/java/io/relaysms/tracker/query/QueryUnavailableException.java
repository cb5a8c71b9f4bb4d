package io.relaysms.tracker.query;

/** The store that holds the answer cannot be read right now (start-up, rebalance, restore); answered 503. */
final class QueryUnavailableException extends RuntimeException {

    QueryUnavailableException(String message) {
        super(message);
    }

    QueryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
