package io.relaysms.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessKeyTest {

    /** The contract's observed string-to-sign (§4.2); expected values computed independently with Python's hmac. */
    static final StringToSign EXAMPLE = new StringToSign("POST", "/sms?api-version=2021-03-07",
            "Fri, 27 Nov 2026 08:21:17 GMT", "contoso.communication.azure.com", "dX9qoUl3pJgaCYBFWGrGssckB0Wh0m+Ajtm4SlDuP2s=");
    static final AccessKey KEY = AccessKey.fromBase64("primary", "cHJpbWFyeS1rZXktZm9yLXRlc3RzLTAxMjM0NTY3ODk=");

    @Test
    void buildsTheStringToSignWithNewlinesAndSemicolons() {
        assertThat(EXAMPLE.text()).isEqualTo("POST\n/sms?api-version=2021-03-07\nFri, 27 Nov 2026 08:21:17 GMT;"
                + "contoso.communication.azure.com;dX9qoUl3pJgaCYBFWGrGssckB0Wh0m+Ajtm4SlDuP2s=");
    }

    @Test
    void signsAsAnIndependentHmacSha256Does() {
        assertThat(KEY.sign(EXAMPLE.text())).isEqualTo("gaz7O03abpyQPLPrcv1g8Ph58N3/O0PVTW5acWZ5MG0=");
    }

    @Test
    void verifiesItsOwnSignatureAndNoOther() {
        assertThat(KEY.verifies(EXAMPLE.text(), "gaz7O03abpyQPLPrcv1g8Ph58N3/O0PVTW5acWZ5MG0=")).isTrue();
        assertThat(KEY.verifies(EXAMPLE.text() + " ", "gaz7O03abpyQPLPrcv1g8Ph58N3/O0PVTW5acWZ5MG0=")).isFalse();
        assertThat(KEY.verifies(EXAMPLE.text(), "not base64 at all!")).isFalse();
    }

    @Test
    void hashesBodiesAsBase64Sha256() {
        assertThat(StringToSign.contentHash(new byte[0])).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assertThat(StringToSign.contentHash("{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("AVq9f1zFei3ZS3WQ8ErYCEJzkF7jPsXOvq5iJ2qX+GI=");
    }

    @Test
    void refusesAKeyThatIsNotBase64WithoutShowingIt() {
        assertThatThrownBy(() -> AccessKey.fromBase64("primary", "secret value!"))
                .hasMessageContaining("primary access key is not base64").hasMessageNotContaining("secret value");
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(KEY.toString()).isEqualTo("primary access key");
    }

    @Test
    void signsAlikeOnEveryThreadAndOnEveryCall() throws Exception {
        String expected = "gaz7O03abpyQPLPrcv1g8Ph58N3/O0PVTW5acWZ5MG0=";
        assertThat(KEY.sign("something else")).isNotEqualTo(expected);
        assertThat(KEY.sign(EXAMPLE.text())).isEqualTo(expected);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = threads.invokeAll(java.util.Collections.nCopies(16,
                    (java.util.concurrent.Callable<String>) () -> KEY.sign(EXAMPLE.text())));
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
