package io.throughline.customer.privacy;

import java.util.Map;

/**
 * A module that keeps data about customers. Export asks each for its sections; erasure asks each to delete, inside one
 * transaction, before the customer record itself goes (so foreign keys to it are gone first).
 */
public interface PersonalData {

    /** Adds this module's sections (JSON-ready maps, lists and values) to the customer's export. */
    void export(DataSubject subject, Map<String, Object> export);

    /** Deletes what this module keeps about the subject, counting what went. */
    void erase(DataSubject subject, ErasedCounts counts);
}
