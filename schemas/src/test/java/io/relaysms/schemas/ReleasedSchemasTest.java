package io.relaysms.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.relaysms.serde.ShippedSchemaIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards schema evolution: every topic's current schema must be released (its latest shipped version equals
 * the generated class, so ids stay fixed) and must read every earlier released version (backward
 * compatible, so consumers upgraded first still read what old producers wrote).
 */
class ReleasedSchemasTest {

    private static final Map<Integer, Schema> SHIPPED = ShippedSchemaIds.load().all();

    static Stream<Schema> currentSchemas() {
        return SampleRecords.all().stream().map(SpecificRecord::getSchema);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void theCurrentSchemaIsItsLatestReleasedVersion(Schema current) {
        List<Schema> released = releasedVersionsOf(current.getFullName());

        assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
        assertThat(released.get(released.size() - 1).toString())
                .as("%s changed without a released version: add io/relaysms/schemas/released/%s/v%d.avsc with "
                                + "the generated SCHEMA$.toString(true) and the next free id in schema-ids.properties",
                        current.getName(), current.getName(), released.size() + 1)
                .isEqualTo(current.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("currentSchemas")
    void theCurrentSchemaReadsEveryReleasedVersion(Schema current) {
        assertThat(incompatibilities(current, releasedVersionsOf(current.getFullName()))).isEmpty();
    }

    @Test
    void aNewFieldWithoutDefaultIsCaughtAsIncompatible() {
        Schema current = SmsRequest.getClassSchema();
        List<Schema.Field> fields = new ArrayList<>();
        current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field("priority", Schema.create(Schema.Type.INT), "no default", (Object) null));
        Schema breaking = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false, fields);

        assertThat(incompatibilities(breaking, releasedVersionsOf(current.getFullName())))
                .anySatisfy(problem -> assertThat(problem).contains("priority"));
    }

    @Test
    void releasedIdsAreUniquePerSchemaText() {
        assertThat(SHIPPED.values().stream().map(Schema::toString).distinct().count()).isEqualTo(SHIPPED.size());
    }

    private static List<Schema> releasedVersionsOf(String fullName) {
        // Ids grow with versions, so id order is version order.
        return SHIPPED.values().stream().filter(s -> s.getFullName().equals(fullName)).toList();
    }

    static List<String> incompatibilities(Schema reader, List<Schema> writers) {
        List<String> problems = new ArrayList<>();
        for (Schema writer : writers) {
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(reader.getName() + " cannot read a released version: " + result.getResult().getIncompatibilities());
            }
        }
        return problems;
    }
}
