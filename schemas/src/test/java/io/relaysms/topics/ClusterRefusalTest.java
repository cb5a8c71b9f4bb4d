package io.relaysms.topics;

import static org.assertj.core.api.Assertions.assertThat;

import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

class ClusterRefusalTest {

    @Test
    void wrongCredentialsNameTheSaslSettings() {
        assertThat(ClusterRefusal.explain(new SaslAuthenticationException("Authentication failed: invalid credentials"), "other"))
                .startsWith("the Kafka cluster refused Relay's credentials (kafka.sasl.mechanism, kafka.sasl.jaas.config)")
                .endsWith("Authentication failed: invalid credentials");
    }

    @Test
    void anUntrustedCertificateShowsTheCauseKafkaBuriesAndNamesTheTruststore() {
        SslAuthenticationException refusal = new SslAuthenticationException("SSL handshake failed",
                new SSLHandshakeException("PKIX path validation failed: Path does not chain with any of the trust anchors"));
        assertThat(ClusterRefusal.explain(refusal, "other"))
                .contains("SSL handshake failed: PKIX path validation failed: Path does not chain with any of the trust anchors")
                .contains("kafka.ssl.truststore.location");
    }

    @Test
    void aMissingAclSaysWhichGrantsTheServicesNeed() {
        assertThat(ClusterRefusal.explain(new TopicAuthorizationException("Not authorized to access topics: [sms-requests]"), "other"))
                .contains("Not authorized to access topics: [sms-requests]")
                .contains("grant ALL on those three prefixed resource patterns", "topics.prefix");
    }

    @Test
    void aMissingGroupGrantIsFoundInsideTheExceptionAroundIt() {
        KafkaException wrapped = new KafkaException("stream-thread failed",
                new GroupAuthorizationException("Not authorized to access group: relay.relay-delivery-tracker-reports"));
        assertThat(ClusterRefusal.explain(wrapped, "other"))
                .startsWith("Relay's Kafka user lacks a permission: Not authorized to access group")
                .contains("grant ALL");
    }

    @Test
    void aMechanismTheBrokerDoesNotOfferNamesTheMechanismSetting() {
        assertThat(ClusterRefusal.explain(new UnsupportedSaslMechanismException("Client SASL mechanism 'PLAIN' not enabled"), "other"))
                .contains("kafka.sasl.mechanism", "Client SASL mechanism 'PLAIN' not enabled");
    }

    @Test
    void aRefusalIsRecognisedThroughItsWrappersAndNothingElseIs() {
        assertThat(ClusterRefusal.isRefusal(new KafkaException("wrapped", new GroupAuthorizationException("no group")))).isTrue();
        assertThat(ClusterRefusal.isRefusal(new SaslAuthenticationException("bad password"))).isTrue();
        assertThat(ClusterRefusal.isRefusal(new KafkaException("wrapped", new UnknownServerException("boom")))).isFalse();
    }

    @Test
    void anyOtherFailureKeepsTheCallersSentence() {
        assertThat(ClusterRefusal.explain(new UnknownServerException("boom"), "the Kafka cluster refused a topic request: boom"))
                .isEqualTo("the Kafka cluster refused a topic request: boom");
    }
}
