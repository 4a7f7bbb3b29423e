package org.integrationhub.events;

/** A record's envelope names an event type (or schema version) this reader does not know. */
public class UnknownEventType extends RuntimeException {

    private final String typeName;

    public UnknownEventType(String typeName) {
        super("unknown event type '" + typeName + "'; known types: "
                + EventTypes.all().stream().map(EventType::name).toList());
        this.typeName = typeName;
    }

    public UnknownEventType(String typeName, int schemaVersion, int newestKnown) {
        super("event type '" + typeName + "' has schemaVersion " + schemaVersion
                + ", this reader knows versions 1.." + newestKnown);
        this.typeName = typeName;
    }

    /** The type name as it appeared on the wire. */
    public String typeName() {
        return typeName;
    }
}
