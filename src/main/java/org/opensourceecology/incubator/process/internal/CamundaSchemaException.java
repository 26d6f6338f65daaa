package org.opensourceecology.incubator.process.internal;

/** The database's Camunda schema does not fit this application; the message says what to do. */
class CamundaSchemaException extends IllegalStateException {

    CamundaSchemaException(String message) {
        super(message);
    }
}
