package io.throughline.customer.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything held about a customer (aliases included) as one JSON-ready document, read in one transaction. */
@Service
public class CustomerExports {

    private final DataSubjects subjects;
    private final CustomerRecord record;
    private final List<PersonalData> holders;

    CustomerExports(DataSubjects subjects, CustomerRecord record, List<PersonalData> holders) {
        this.subjects = subjects;
        this.record = record;
        this.holders = List.copyOf(holders);
    }

    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> export(UUID customerId) {
        return subjects.of(customerId).map(subject -> {
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("exportedAt", OffsetDateTime.now(ZoneOffset.UTC));
            record.export(subject, export);
            holders.forEach(holder -> holder.export(subject, export));
            return export;
        });
    }
}
