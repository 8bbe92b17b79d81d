package org.clinigate.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Every cell of every table of the gateway's database, for canary scans (binary columns read as Latin-1). */
final class DatabaseScan {

    private DatabaseScan() {
    }

    /** Passes each non-null cell to {@code cell} as (schema.table.column, text); returns the tables it read. */
    static List<String> cells(Connection c, BiConsumer<String, String> cell) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet t = s.executeQuery("SELECT table_schema, table_name FROM information_schema.tables "
                    + "WHERE table_type = 'BASE TABLE' AND LOWER(table_schema) NOT IN ('information_schema', "
                    + "'pg_catalog')")) {
                while (t.next()) {
                    tables.add("\"" + t.getString(1) + "\".\"" + t.getString(2) + "\"");
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            int type = rs.getMetaData().getColumnType(i);
                            boolean binary = type == Types.BINARY || type == Types.VARBINARY
                                    || type == Types.LONGVARBINARY || type == Types.BLOB;
                            byte[] raw = binary ? rs.getBytes(i) : null;
                            String text = raw != null ? new String(raw, StandardCharsets.ISO_8859_1) : rs.getString(i);
                            if (text != null) {
                                cell.accept(table + "." + rs.getMetaData().getColumnName(i), text);
                            }
                        }
                    }
                }
            }
        }
        return tables;
    }
}
