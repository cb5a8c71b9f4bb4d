package io.relaysms.dispatcher.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relaysms.config.InvalidConfigurationException;
import io.relaysms.config.numbers.NumberType;
import io.relaysms.config.numbers.OwnedNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

    private static OwnedNumber number(NumberType type, Map<String, String> attributes) {
        return new OwnedNumber("+18005550100", type, "c", Optional.empty(), "US", attributes);
    }

    @Test
    void defaultsFollowThePublicFacts() {
        RateLimitPolicy policy = RateLimitPolicy.defaults();

        assertThat(policy.limitFor(NumberType.TOLL_FREE)).isEqualTo(new RateLimit(200, 4));
        assertThat(policy.limitFor(NumberType.SHORT_CODE)).isEqualTo(new RateLimit(6000, 100));
        assertThat(policy.limitFor(NumberType.LONG_CODE)).isEqualTo(new RateLimit(60, 1));
        assertThat(policy.limitFor(NumberType.ALPHANUMERIC)).isEqualTo(new RateLimit(600, 10));
    }

    @Test
    void aNumberTypeSettingReplacesTheDefault() {
        RateLimitPolicy policy = RateLimitPolicy.from(Map.of("toll-free.rate-limit.per-minute", "300",
                "toll-free.rate-limit.burst", "10"), List.of());

        assertThat(policy.limitFor(number(NumberType.TOLL_FREE, Map.of()))).isEqualTo(new RateLimit(300, 10));
    }

    @Test
    void aNumberOverridesItsType() {
        RateLimitPolicy policy = RateLimitPolicy.defaults();

        assertThat(policy.limitFor(number(NumberType.TOLL_FREE, Map.of("rate-limit.per-minute", "1200"))))
                .isEqualTo(new RateLimit(1200, 20));
        assertThat(policy.limitFor(number(NumberType.TOLL_FREE, Map.of("rate-limit.burst", "1"))))
                .isEqualTo(new RateLimit(200, 1));
    }

    @Test
    void everyBadValueIsListed() {
        assertThatThrownBy(() -> RateLimitPolicy.from(Map.of("toll-free.rate-limit.per-minute", "fast",
                        "pager.rate-limit.burst", "3"),
                List.of(number(NumberType.LONG_CODE, Map.of("rate-limit.per-minute", "-5")))))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).hasSize(3))
                .hasMessageContaining("number-types.toll-free.rate-limit.per-minute")
                .hasMessageContaining("number-types.pager.rate-limit.burst: unknown number type")
                .hasMessageContaining("numbers.+18005550100.rate-limit");
    }

    @Test
    void aMisspeltAttributeOfAKnownTypeIsAProblem() {
        assertThatThrownBy(() -> RateLimitPolicy.from(Map.of("toll-free.rate-limit.per-minut", "300", "short-code.ratelimit.burst", "5",
                        "long-code", "60"), List.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).containsExactlyInAnyOrder(
                        "number-types.toll-free.rate-limit.per-minut: unknown attribute (known: rate-limit.per-minute, rate-limit.burst)",
                        "number-types.short-code.ratelimit.burst: unknown attribute (known: rate-limit.per-minute, rate-limit.burst)",
                        "number-types.long-code: give the type's rate-limit.per-minute and/or rate-limit.burst under it"));
    }
}
