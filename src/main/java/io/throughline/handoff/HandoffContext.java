package io.throughline.handoff;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an agent sees on a human task, each part a plain String: Tasklist's forms show only primitive variables, and
 * a read-only field per part reads better than one blob.
 */
public record HandoffContext(String customer, String transcript, String intent, String aiAnswer, String sources,
                             String reasons) {

    public Map<String, String> asVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("customer", customer);
        variables.put("transcript", transcript);
        variables.put("intent", intent);
        variables.put("aiAnswer", aiAnswer);
        variables.put("sources", sources);
        variables.put("reasons", reasons);
        return variables;
    }
}
