package io.relaysms.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.api.ProducerApiService;
import io.relaysms.api.config.ApiSettings;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessKeysTest {

    @Test
    void namesEachUnusableConfiguredKeyByItsSetting() {
        ApiSettings settings = new ApiSettings(RelaySettings.of(Map.of(ApiSettings.PRIMARY_KEY, "not base64!",
                ApiSettings.SECONDARY_KEY, "c2hvcnQ=")));

        assertThat(AccessKeys.problems(settings)).containsExactly(
                "api.access-key.primary: the primary access key is not base64 (an ACS access key is the base64 text after "
                        + "'accesskey=' in the connection string)",
                "api.access-key.secondary: the secondary access key is only 5 bytes long; use at least 16 random bytes (32 is usual)");
    }

    @Test
    void noConfiguredKeyIsNoProblemSinceTheApiGeneratesOne() {
        assertThat(AccessKeys.problems(new ApiSettings(RelaySettings.of(Map.of())))).isEmpty();
        ProducerApiService.checkConfiguration(RelaySettings.of(Map.of(ApiSettings.PRIMARY_KEY, AccessKeyTest.KEY.base64())));
    }

    @Test
    void theApisConfigurationCheckRefusesWhatItsStartWould() {
        assertThatThrownBy(() -> ProducerApiService.checkConfiguration(RelaySettings.of(Map.of(ApiSettings.SECONDARY_KEY, "c2hvcnQ="))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("api.access-key.secondary: the secondary access key is only 5 bytes long");
        assertThatThrownBy(() -> ProducerApiService.checkConfiguration(RelaySettings.of(Map.of("api.https.port", "70000"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("api.https.port");
    }
}
