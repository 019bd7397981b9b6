package io.throughline.insights;

import io.throughline.journey.JourneySteps;
import java.util.Collection;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class InsightsConfiguration {

    /** Behind an interface, so another calendar (the rules' business hours, say) can take its place. */
    @Bean
    WorkingHours workingHours(WorkingHoursSettings settings) {
        return settings.toWorkingHours();
    }

    @Bean
    OpenTasks openTasks(JourneySteps journeys) {
        return new OpenTasks() {
            @Override
            public long count() {
                return journeys.waitingTasks();
            }

            @Override
            public Map<String, Long> byQueue(Collection<String> queues) {
                return journeys.waitingTasks(queues);
            }
        };
    }
}
