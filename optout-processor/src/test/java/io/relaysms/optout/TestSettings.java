package io.relaysms.optout;

import io.relaysms.config.RelaySettings;
import java.util.HashMap;
import java.util.Map;

/** A deployment owning one number of each type that can receive, for tests. */
public final class TestSettings {

    public static final String TOLL_FREE = "+18005550100";
    public static final String SHORT_CODE = "12345";
    public static final String LONG_CODE = "+14155550100";
    public static final String HANDSET = "+12025550143";
    public static final String FRENCH_HANDSET = "+33612345678";

    private TestSettings() {
    }

    public static Map<String, String> numbers() {
        Map<String, String> values = new HashMap<>();
        values.put("carriers.sim.protocol", "smpp");
        values.put("carriers.sim.host", "127.0.0.1");
        values.put("carriers.sim.port", "2775");
        values.put("numbers." + TOLL_FREE + ".type", "toll-free");
        values.put("numbers." + TOLL_FREE + ".route", "sim");
        values.put("numbers." + SHORT_CODE + ".type", "short-code");
        values.put("numbers." + SHORT_CODE + ".route", "sim");
        values.put("numbers." + LONG_CODE + ".type", "long-code");
        values.put("numbers." + LONG_CODE + ".route", "sim");
        return values;
    }

    public static RelaySettings with(Map<String, String> more) {
        Map<String, String> values = numbers();
        values.putAll(more);
        return RelaySettings.of(values);
    }

    public static OptOutSettings optOut(Map<String, String> more) {
        return OptOutSettings.from(with(more));
    }
}
