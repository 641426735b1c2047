package dev.scimflow.ingest.scim;

import org.springframework.dao.DataAccessResourceFailureException;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Recognises failures that mean MongoDB cannot be reached now: answered 503 with Retry-After, never 500. */
public final class StoreErrors {

    /** The Retry-After of an answer given while the store is unreachable. */
    public static final int RETRY_AFTER_SECONDS = 10;
    public static final String DETAIL = "The service is briefly unavailable; retry later";

    private StoreErrors() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoNotPrimaryException || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
