package io.throughline.journey;

import io.throughline.language.Language;
import io.throughline.answer.IntentClassifier;
import io.throughline.answer.IntentPrediction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** What the customer wants, among the business's intents, or out of scope. */
@Component("classifyIntent")
class ClassifyIntent implements JavaDelegate {

    private final IntentClassifier classifier;

    ClassifyIntent(IntentClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String question = Steps.string(execution, GeneralSupport.Var.QUESTION);
        IntentPrediction prediction = classifier.classify(question);
        execution.setVariable(GeneralSupport.Var.LANGUAGE, Language.of(question, previousLanguage(execution)).code());
        execution.setVariable(GeneralSupport.Var.INTENT, prediction.intent());
        execution.setVariable(GeneralSupport.Var.INTENT_SCORE, prediction.score());
        execution.setVariable(GeneralSupport.Var.OUT_OF_SCOPE, prediction.outOfScope());
    }

    /** A message too short to tell ("ok", "ja") keeps the language the conversation had; English to begin with. */
    private static Language previousLanguage(DelegateExecution execution) {
        return Language.ofCode((String) execution.getVariable(GeneralSupport.Var.LANGUAGE)).orElse(Language.EN);
    }
}
