package org.opensourceecology.incubator.process.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a database holds of Camunda's schema: nothing, or tables at a version. The version is the
 * highest one in {@code ACT_GE_SCHEMA_LOG}, where Camunda's create script records the version it
 * created and every upgrade script the version it reached. ({@code ACT_GE_PROPERTY 'schema.version'}
 * is always "fox" and says nothing about the version.)
 */
record CamundaSchemaState(List<String> tables, CamundaVersion version) {

    static final String SCHEMA_LOG = "ACT_GE_SCHEMA_LOG";
    static final String PROPERTY = "ACT_GE_PROPERTY";

    boolean empty() {
        return tables.isEmpty();
    }

    static CamundaSchemaState read(Connection connection) throws SQLException {
        List<String> tables = camundaTables(connection);
        if (tables.isEmpty()) {
            return new CamundaSchemaState(tables, null);
        }
        if (!tables.contains(PROPERTY) || !tables.contains(SCHEMA_LOG)) {
            throw new CamundaSchemaException("The database has Camunda tables " + tables + " but no " + PROPERTY
                    + " or " + SCHEMA_LOG + ": an incomplete schema or one older than Camunda 7.11."
                    + " Restore it from a backup or upgrade it by hand with Camunda's scripts before starting.");
        }
        CamundaVersion highest = null;
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select VERSION_ from " + SCHEMA_LOG)) {
            while (rows.next()) {
                var version = CamundaVersion.parse(rows.getString(1));
                if (highest == null || version.compareTo(highest) > 0) {
                    highest = version;
                }
            }
        }
        if (highest == null) {
            throw new CamundaSchemaException(SCHEMA_LOG + " is empty: the Camunda schema's version is unknown."
                    + " Restore the table from a backup (Camunda's create and upgrade scripts fill it).");
        }
        return new CamundaSchemaState(tables, highest);
    }

    /** Camunda's tables (ACT_...) in the connection's current schema, upper case. */
    private static List<String> camundaTables(Connection connection) throws SQLException {
        var metadata = connection.getMetaData();
        String escape = metadata.getSearchStringEscape();
        String pattern = "ACT" + escape + "_%";
        if (metadata.storesLowerCaseIdentifiers()) {
            pattern = pattern.toLowerCase(Locale.ROOT);
        }
        List<String> tables = new ArrayList<>();
        try (var rows =
                metadata.getTables(connection.getCatalog(), connection.getSchema(), pattern, new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        tables.sort(null);
        return tables;
    }
}
