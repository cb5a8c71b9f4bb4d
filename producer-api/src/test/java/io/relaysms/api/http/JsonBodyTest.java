package io.relaysms.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    /** Jackson's message for a truncated object names its parser settings; the client gets the position only. */
    @Test
    void aParserMessageKeepsItsPositionsAndLosesTheParsersSettings() {
        JacksonException truncated = catchThrowableOfType(JacksonException.class,
                () -> new ObjectMapper().readTree("{\"from\": \"+18005550100\", \"message\": \"hi\"".getBytes()));
        assertThat(truncated.getOriginalMessage()).contains("[Source:");

        String shown = JsonBody.withPlainLocations(truncated.getOriginalMessage());

        assertThat(shown).startsWith("Unexpected end-of-input").contains("start marker at line 1, column 1")
                .doesNotContain("Source").doesNotContain("REDACTED").doesNotContain("StreamReadFeature");
    }
}
