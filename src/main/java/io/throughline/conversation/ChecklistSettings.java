package io.throughline.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The onboarding checklist ({@code throughline.onboarding.*}); its wording is the phrase onboardingChecklist in
 * voice.yml, numbered 1 to {@code checklistItems}.
 */
@ConfigurationProperties("throughline.onboarding")
public record ChecklistSettings(@DefaultValue("3") int checklistItems) {}
