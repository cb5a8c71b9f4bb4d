package io.relaysms.serde;

import org.apache.avro.Schema;

/**
 * Where schema ids come from: the schemas shipped with Relay (no server), or a schema registry.
 * Implementations are thread-safe and cache what they learned.
 */
public interface SchemaIds {

    /** The id of a schema under a subject ({@code <topic>-value}), registering it where that is how ids are made. */
    int idFor(String subject, Schema schema);

    /** The schema an id names; throws {@link UnknownSchemaIdException} when nothing is known under it. */
    Schema schemaFor(int id);

    /** Thrown when an id names no schema. */
    class UnknownSchemaIdException extends RuntimeException {
        public UnknownSchemaIdException(int id, String where) {
            super("no schema with id " + id + " in " + where);
        }
    }
}
