package io.relaysms.tracker.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.relaysms.runtime.JacksonSerde;
import java.io.IOException;

/**
 * The tracker's own state stores and repartition topics: internal data whose readers are this module's own classes,
 * written as Smile, Jackson's binary form of JSON (the same data model, so any Smile reader shows a record as JSON).
 * Every message's track, index entries and repartition hops go through here several times: as JSON text, printing and
 * parsing was a fifth of the tracker's stream thread under load, and the larger records made RocksDB compact more.
 * Records that earlier versions wrote as JSON text (they start with '{'; Smile starts with ":)") are still read, so
 * existing stores and changelogs carry over. Unknown fields are ignored and absent ones are null, so a newer version
 * reads an older one's state. Readers and writers are resolved once per type, and Blackbird replaces reflective
 * accessor calls with generated lambdas.
 */
public final class StateSerde<T> extends JacksonSerde<T> {

    /**
     * Short string values repeated within a record are written once and then referred to: a message's track repeats its
     * messageId, numbers, carrier and receipt id in each timeline entry, receipt and report, and its changelog was
     * the largest single stream of bytes the broker took per message (2.5 of 6.3 KB in the end-to-end benchmark).
     * Each record's header says whether it uses them, and every Smile reader (an older tracker's during a rolling
     * upgrade too) follows them; records written without them still read.
     */
    private static final SmileFactory SMILE_FACTORY = new SmileFactory().enable(SmileGenerator.Feature.CHECK_SHARED_STRING_VALUES);
    private static final ObjectMapper SMILE = configure(new ObjectMapper(SMILE_FACTORY));
    private static final ObjectMapper JSON = configure(new ObjectMapper());

    private final ObjectReader reader;
    private final ObjectWriter writer;
    /** Built on the first JSON record: most deployments never hold one, and building readers costs start-up time. */
    private volatile ObjectReader jsonReader;

    private StateSerde(Class<T> type) {
        super(type);
        this.reader = SMILE.readerFor(type);
        this.writer = SMILE.writerFor(type);
    }

    public static <T> StateSerde<T> of(Class<T> type) {
        return new StateSerde<>(type);
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .registerModule(new BlackbirdModule());
    }

    private ObjectReader jsonReader() {
        ObjectReader json = jsonReader;
        if (json == null) {
            json = JSON.readerFor(type());
            jsonReader = json;
        }
        return json;
    }

    @Override
    protected byte[] write(T value) throws IOException {
        return writer.writeValueAsBytes(value);
    }

    @Override
    protected T read(byte[] bytes) throws IOException {
        return bytes.length > 0 && bytes[0] == '{' ? jsonReader().readValue(bytes) : reader.readValue(bytes);
    }
}
