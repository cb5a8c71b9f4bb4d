package io.relaysms.api.tls;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.api.ProducerApiService;
import io.relaysms.api.config.ApiSettings;
import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.RelaySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserKeystoreCheckTest {

    @Test
    void aKeystorePathThatIsNoFileIsNamedAsSuch(@TempDir Path folder) {
        Path missing = folder.resolve("nowhere.p12");

        assertThatThrownBy(() -> ProducerApiService.checkConfiguration(RelaySettings.of(Map.of(ApiSettings.KEYSTORE_PATH,
                missing.toString()))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("api.tls.keystore.path: the TLS keystore " + missing.toAbsolutePath()
                        + " (api.tls.keystore.path) is not a readable file");
    }

    @Test
    void aFileThatIsNoKeystoreNamesTheTypeAndPasswordToCheck(@TempDir Path folder) throws Exception {
        Path garbage = Files.writeString(folder.resolve("garbage.p12"), "not a keystore");

        assertThatThrownBy(() -> ProducerApiService.checkConfiguration(RelaySettings.of(Map.of(ApiSettings.KEYSTORE_PATH,
                garbage.toString(), ApiSettings.KEYSTORE_PASSWORD, "changeit"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("cannot open the TLS keystore " + garbage)
                .hasMessageContaining("check api.tls.keystore.type and api.tls.keystore.password")
                .hasMessageNotContaining(": null;");
    }
}
