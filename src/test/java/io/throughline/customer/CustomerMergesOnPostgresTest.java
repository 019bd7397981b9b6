package io.throughline.customer;

import io.throughline.support.Postgres;

/**
 * Linking and merging on PostgreSQL, in a database of its own (no Spring context: cheap). Skipped loudly, or failed
 * where PostgreSQL is required, when there is no server; see {@link Postgres}.
 */
class CustomerMergesOnPostgresTest extends CustomerMergesTests {

    private static CustomerModule module;

    @Override
    CustomerModule module() throws Exception {
        if (module == null) {
            Postgres.Database database = Postgres.freshDatabase();
            module = CustomerModule.on(database.url(), database.user(), database.password());
        }
        return module;
    }
}
