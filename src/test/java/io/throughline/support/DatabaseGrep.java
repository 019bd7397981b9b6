package io.throughline.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Searches every column of every table of a database (Throughline's and Camunda's alike) for strings: text columns with
 * LIKE, UUID columns by their text, binary columns (Camunda's byte arrays) decoded as UTF-8. The same on H2 and
 * PostgreSQL, through JDBC metadata, so a table added later is searched too.
 */
public final class DatabaseGrep {

    /** Tables that hold no customer data and are large: the knowledge base's embeddings. */
    private static final Set<String> SKIPPED = Set.of("knowledge_chunks");

    private DatabaseGrep() {
    }

    /** Every place, as {@code table.column: needle}, where one of the needles occurs. */
    public static List<String> find(DataSource dataSource, List<String> needles) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, needles);
        }
    }

    public static List<String> find(Connection connection, List<String> needles) throws SQLException {
        List<String> found = new ArrayList<>();
        String schema = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")
                ? "PUBLIC" : "public";
        List<String[]> columns = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(null, schema, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!SKIPPED.contains(table.toLowerCase(Locale.ROOT)) && isTable(meta, schema, table)) {
                    columns.add(new String[] {table, rs.getString("COLUMN_NAME"), kind(rs.getInt("DATA_TYPE"),
                            rs.getString("TYPE_NAME"))});
                }
            }
        }
        for (String[] column : columns) {
            String kind = column[2];
            if (kind == null) {
                continue;
            }
            String from = " from \"" + column[0] + "\"";
            String name = "\"" + column[1] + "\"";
            if (!kind.equals("binary") && !anyIn(connection, from, name, kind, needles)) {
                continue; // one query per column for all needles; only a hit is looked at needle by needle
            }
            for (String needle : needles) {
                if (kind.equals("binary")) {
                    if (binaryContains(connection, "select " + name + from + " where " + name + " is not null", needle)) {
                        found.add(column[0] + "." + column[1] + ": " + needle);
                    }
                    continue;
                }
                String sql = kind.equals("uuid")
                        ? "select count(*)" + from + " where cast(" + name + " as varchar(64)) = ?"
                        : "select count(*)" + from + " where " + name + " like ?";
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setString(1, kind.equals("uuid") ? needle.toLowerCase(Locale.ROOT) : "%" + needle + "%");
                    try (ResultSet rs = query.executeQuery()) {
                        if (rs.next() && rs.getLong(1) > 0) {
                            found.add(column[0] + "." + column[1] + ": " + needle);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static boolean anyIn(Connection connection, String from, String name, String kind, List<String> needles)
            throws SQLException {
        String test = kind.equals("uuid") ? "cast(" + name + " as varchar(64)) = ?" : name + " like ?";
        String sql = "select count(*)" + from + " where " + String.join(" or ", java.util.Collections.nCopies(needles.size(),
                test));
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < needles.size(); i++) {
                query.setString(i + 1, kind.equals("uuid") ? needles.get(i).toLowerCase(Locale.ROOT) : "%" + needles.get(i) + "%");
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static final java.util.Map<String, Boolean> TABLES = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isTable(DatabaseMetaData meta, String schema, String table) throws SQLException {
        String key = meta.getURL() + "|" + table;
        Boolean known = TABLES.get(key);
        if (known == null) {
            try (ResultSet rs = meta.getTables(null, schema, table, new String[] {"TABLE", "BASE TABLE"})) {
                known = rs.next();
            }
            TABLES.put(key, known);
        }
        return known;
    }

    private static String kind(int type, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return "uuid";
        }
        return switch (type) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> "text";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
            default -> name.equals("text") || name.contains("character") ? "text" : null;
        };
    }

    private static boolean binaryContains(Connection connection, String sql, String needle) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                byte[] bytes = rs.getBytes(1);
                if (bytes != null && new String(bytes, StandardCharsets.UTF_8).contains(needle)) {
                    return true;
                }
            }
        }
        return false;
    }
}
