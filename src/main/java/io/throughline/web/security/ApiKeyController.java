package io.throughline.web.security;

import io.throughline.web.ApiException;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admins create, list and revoke server-to-server API keys; a key is shown once, when it is created. */
@RestController
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record NewKey(String name, List<String> roles) {}

    record CreatedKey(String id, String name, List<Role> roles, String key) {}

    @PostMapping("/api/security/api-keys")
    ResponseEntity<CreatedKey> create(@RequestBody NewKey body, Principal admin) {
        if (body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "name is required (1 to 100 characters): what the key is for, "
                    + "as logs and the list show it", "name");
        }
        if (body.roles() == null || body.roles().isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "roles is required: one or more of " + List.of(Role.values()),
                    "roles");
        }
        List<Optional<Role>> named = body.roles().stream().map(Role::named).toList();
        if (named.stream().anyMatch(Optional::isEmpty)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "roles may hold only " + List.of(Role.values()), "roles");
        }
        List<Role> roles = named.stream().map(Optional::get).distinct().toList();
        String id = UUID.randomUUID().toString();
        String key = keys.create(id, body.name().strip(), roles, admin.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedKey(id, body.name().strip(), roles, key));
    }

    @GetMapping("/api/security/api-keys")
    List<ApiKeys.StoredKey> list() {
        return keys.stored();
    }

    @DeleteMapping("/api/security/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        if (!keys.revoke(id)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no active API key " + id, "id");
        }
        return ResponseEntity.noContent().build();
    }
}
