package io.relaysms.topics;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Says why a Kafka cluster refused a request, in terms of the settings a user can change: wrong credentials, an
 * untrusted certificate, a missing ACL. Topic provisioning, every service's first request, shows most of them; a
 * missing grant on consumer groups or transactional ids shows later, in the start-up failures of Streams
 * applications and transactional producers. Kafka's own messages name none of the settings ("SSL handshake failed"
 * hides the certificate problem three causes down).
 */
public final class ClusterRefusal {

    private ClusterRefusal() {
    }

    /**
     * A sentence for a refusal that names the setting to look at, or {@code otherwise} for any other failure. Looks
     * through wrappers (a Streams or execution exception around Kafka's own).
     */
    public static String explain(Throwable failure, String otherwise) {
        Throwable cause = refusalIn(failure);
        if (cause instanceof SaslAuthenticationException) {
            return "the Kafka cluster refused Relay's credentials (kafka.sasl.mechanism, kafka.sasl.jaas.config): "
                    + cause.getMessage();
        }
        if (cause instanceof SslAuthenticationException) {
            return "the TLS handshake with the Kafka cluster failed: " + rootMessage(cause)
                    + " (kafka.ssl.truststore.location must hold the authority that signed the brokers' certificates,"
                    + " and those must name the hosts in kafka.bootstrap.servers)";
        }
        if (cause instanceof AuthenticationException) {
            return "the Kafka cluster did not authenticate Relay (kafka.security.protocol, kafka.sasl.mechanism): "
                    + cause.getMessage();
        }
        if (cause instanceof AuthorizationException) {
            return "Relay's Kafka user lacks a permission: " + cause.getMessage()
                    + " (Relay's services need every operation on the topics, consumer groups and transactional ids whose"
                    + " names start with topics.prefix: grant ALL on those three prefixed resource patterns)";
        }
        return otherwise;
    }

    /** Whether {@code failure} is, or was caused by, a refused login or a missing grant. */
    public static boolean isRefusal(Throwable failure) {
        Throwable cause = refusalIn(failure);
        return cause instanceof AuthenticationException || cause instanceof AuthorizationException;
    }

    /** The first authentication or authorization failure in the cause chain, else the root cause. */
    private static Throwable refusalIn(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof AuthenticationException)
                && !(cause instanceof AuthorizationException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause.getMessage()) : cause.getMessage() + ": " + root.getMessage();
    }
}
