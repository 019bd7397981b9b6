package io.throughline.insights;

import java.util.Collection;
import java.util.Map;

/** The agents' open tasks (Camunda user tasks), counted: all of them, and per queue (candidate group). */
public interface OpenTasks {

    long count();

    Map<String, Long> byQueue(Collection<String> queues);
}
