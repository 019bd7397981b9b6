package io.throughline.answer.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.throughline.answer.IntentClassifier;
import io.throughline.answer.IntentPrediction;

/** Classifies a text against the labelled intent examples. */
@RestController
class IntentController {

    private final IntentClassifier classifier;

    IntentController(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    @PostMapping("/api/intents/classify")
    IntentPrediction classify(@RequestBody(required = false) ClassifyRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "text is required");
        }
        return classifier.classify(request.text());
    }

    record ClassifyRequest(String text) {
    }
}
