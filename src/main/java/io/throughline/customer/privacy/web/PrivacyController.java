package io.throughline.customer.privacy.web;

import io.throughline.customer.privacy.CustomerErasures;
import io.throughline.customer.privacy.CustomerExports;
import io.throughline.customer.privacy.Erasure;
import io.throughline.web.ApiException;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/customers/{id}/export}: everything held about the customer as a JSON download.
 * {@code DELETE /api/customers/{id}}: erases it all, and answers with the erasure's record and counts; the same id again
 * is 410 with that record. Login required (an admin's, once roles apply).
 */
@RestController
class PrivacyController {

    private final CustomerExports exports;
    private final CustomerErasures erasures;

    PrivacyController(CustomerExports exports, CustomerErasures erasures) {
        this.exports = exports;
        this.erasures = erasures;
    }

    @GetMapping("/api/customers/{id}/export")
    ResponseEntity<Map<String, Object>> export(@PathVariable UUID id) {
        Map<String, Object> export = exports.export(id).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + id + ".json\"")
                .body(export);
    }

    @DeleteMapping("/api/customers/{id}")
    Erasure erase(@PathVariable UUID id, Principal user) {
        CustomerErasures.Outcome outcome = erasures.erase(id, user == null ? "anonymous" : user.getName());
        if (outcome instanceof CustomerErasures.Outcome.Erased erased) {
            return erased.erasure();
        }
        if (outcome instanceof CustomerErasures.Outcome.ErasedBefore before) {
            throw new ApiException(HttpStatus.GONE, "customer " + id + " was erased at " + before.erasure().erasedAt()
                    + " (erasure " + before.erasure().id() + "): nothing is held about them", "id");
        }
        throw notFound(id);
    }

    private ApiException notFound(UUID id) {
        if (erasures.previous(id).isPresent()) {
            return new ApiException(HttpStatus.GONE, "customer " + id + " was erased: nothing is held about them", "id");
        }
        return new ApiException(HttpStatus.NOT_FOUND, "no customer " + id, "id");
    }
}
