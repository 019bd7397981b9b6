package io.throughline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static final String ROBOTS = """
            # a comment
            User-agent: Googlebot
            Disallow: /

            User-agent: *
            Disallow: /private
            Allow: /private/faq
            Disallow: /*.pdf$
            """;

    @Test
    void theStarGroupAppliesWhenNoGroupNamesUsAndTheLongestRuleWins() {
        RobotsRules rules = RobotsRules.parse(ROBOTS, SiteCrawler.AGENT);

        assertThat(rules.allows("/help")).isTrue();
        assertThat(rules.allows("/private/orders")).isFalse();
        assertThat(rules.allows("/private/faq/returns")).isTrue();
        assertThat(rules.allows("/manual.pdf")).isFalse();
        assertThat(rules.allows("/manual.pdf?v=2")).isTrue();
    }

    @Test
    void aGroupNamingUsReplacesTheStarGroup() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /\n\nUser-agent: throughlinebot\nDisallow: /admin\n",
                SiteCrawler.AGENT);

        assertThat(rules.allows("/help")).isTrue();
        assertThat(rules.allows("/admin/users")).isFalse();
    }

    @Test
    void anEmptyDisallowOrNoFileAllowsEverything() {
        assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", SiteCrawler.AGENT).allows("/anything")).isTrue();
        assertThat(RobotsRules.ALLOW_ALL.allows("/anything")).isTrue();
    }
}
