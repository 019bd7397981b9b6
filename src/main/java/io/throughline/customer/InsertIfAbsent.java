package io.throughline.customer;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Inserts a row unless its key exists, without ever failing the surrounding transaction. On PostgreSQL a unique-key
 * violation aborts the whole transaction, so it must never be raised there: {@code ON CONFLICT DO NOTHING}. H2 has no
 * such clause but survives a failed statement, so a losing race there is a caught {@link DuplicateKeyException}.
 */
@Component
public class InsertIfAbsent {

    private final JdbcClient jdbc;
    private final boolean postgres;

    InsertIfAbsent(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product.toLowerCase().contains("postgres");
    }

    /** @return whether the row was inserted (false: a row with the same key was there already) */
    public boolean insert(String table, List<String> keyColumns, Map<String, Object> values) {
        List<String> columns = new ArrayList<>(values.keySet());
        String names = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        List<Object> params = columns.stream().map(values::get).toList();
        if (postgres) {
            return jdbc.sql("insert into " + table + " (" + names + ") values (" + marks + ") on conflict ("
                    + String.join(", ", keyColumns) + ") do nothing").params(params).update() == 1;
        }
        String on = keyColumns.stream().map(k -> "t." + k + " = v." + k).collect(Collectors.joining(" and "));
        String sql = "merge into " + table + " t using (values (" + marks + ")) v(" + names + ") on " + on
                + " when not matched then insert (" + names + ") values ("
                + columns.stream().map(c -> "v." + c).collect(Collectors.joining(", ")) + ")";
        try {
            return jdbc.sql(sql).params(params).update() == 1;
        } catch (DuplicateKeyException raceLost) {
            return false;
        }
    }
}
