package io.relaysms.topics;

import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Says why a Kafka cluster refused a request, in terms of the settings a user can change. Topic provisioning is the
 * first thing every service asks of the cluster, so this is where wrong credentials, an untrusted certificate or a
 * missing ACL show up; Kafka's own messages name none of the settings ("SSL handshake failed" hides the certificate
 * problem three causes down).
 */
final class ClusterRefusal {

    private ClusterRefusal() {
    }

    /** A sentence for a refusal that names the setting to look at, or {@code otherwise} for any other failure. */
    static String explain(Throwable cause, String otherwise) {
        if (cause instanceof SaslAuthenticationException) {
            return "the Kafka cluster refused Relay's credentials (kafka.sasl.mechanism, kafka.sasl.jaas.config): "
                    + cause.getMessage();
        }
        if (cause instanceof SslAuthenticationException) {
            return "the TLS handshake with the Kafka cluster failed: " + rootMessage(cause)
                    + " (kafka.ssl.truststore.location must hold the authority that signed the brokers' certificates,"
                    + " and those must name the hosts in kafka.bootstrap.servers)";
        }
        if (cause instanceof AuthorizationException) {
            return "Relay's Kafka user lacks a permission: " + cause.getMessage()
                    + " (Relay's services need every operation on the topics, consumer groups and transactional ids whose"
                    + " names start with topics.prefix: grant ALL on those three prefixed resource patterns)";
        }
        return otherwise;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause.getMessage()) : cause.getMessage() + ": " + root.getMessage();
    }
}
