package io.relaysms.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class BindAddressTest {

    @Test
    void acceptsTheWildcardLoopbackAndThisHostsNames() {
        for (String host : new String[] {"0.0.0.0", "127.0.0.1", "localhost", "::1", "::"}) {
            assertThatCode(() -> BindAddress.LOCAL.ensureValid("api.bind-address", host)).as(host).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesANameThatDoesNotResolveAndAnotherHostsAddress() {
        assertThatThrownBy(() -> BindAddress.LOCAL.ensureValid("api.bind-address", "localhots.invalid"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> BindAddress.LOCAL.ensureValid("api.bind-address", "192.0.2.1"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("192.0.2.1, not an address of this host");
    }
}
