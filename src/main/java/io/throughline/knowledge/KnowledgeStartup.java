package io.throughline.knowledge;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Ingests the knowledge folder once every singleton exists, so Flyway has migrated and the index is ready before
 * the journey's job executor or the web server hand over work.
 */
@Component
class KnowledgeStartup implements SmartInitializingSingleton {

    private final KnowledgeBase knowledgeBase;

    KnowledgeStartup(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    public void afterSingletonsInstantiated() {
        knowledgeBase.ingest();
    }
}
