package io.throughline.journey.web;

import io.throughline.journey.JourneyStarts;
import io.throughline.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/journeys/{key}/start} {@code {"customerId", "variables": {...}}} (login): starts a journey for a
 * customer, on their preferred channel. 201 with the conversation and the process instance.
 */
@RestController
class JourneyController {

    private final JourneyStarts starts;

    JourneyController(JourneyStarts starts) {
        this.starts = starts;
    }

    record StartRequest(String customerId, Map<String, Object> variables) {}

    @PostMapping("/api/journeys/{key}/start")
    @ResponseStatus(HttpStatus.CREATED)
    JourneyStarts.Started start(@PathVariable String key, @RequestBody StartRequest request) {
        if (request.customerId() == null || request.customerId().isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "customerId is missing: the customer to start the journey for",
                    "customerId");
        }
        UUID customerId;
        try {
            customerId = UUID.fromString(request.customerId().strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "customerId must be a customer's id (a UUID)", "customerId");
        }
        try {
            return starts.start(key, customerId, request.variables() == null ? Map.of() : request.variables());
        } catch (JourneyStarts.Refused refused) {
            throw new ApiException(HttpStatus.valueOf(refused.status()), refused.getMessage(), refused.field());
        }
    }
}
