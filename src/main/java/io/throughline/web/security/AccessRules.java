package io.throughline.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The role each logged-in route needs, first match wins; anything under {@code /api} or {@code /actuator} not listed
 * needs ADMIN, so a new endpoint is closed until someone opens it here. The same list configures Spring Security and
 * names the missing role in a 403.
 */
final class AccessRules {

    record Rule(RequestMatcher matcher, Role role) {}

    static final List<Rule> RULES = List.of(
            // a customer's whole data and its erasure, and the keys that open the API: admins only
            rule(null, "/api/customers/*/export", Role.ADMIN),
            rule(HttpMethod.DELETE, "/api/customers/*", Role.ADMIN),
            rule(null, "/api/security/**", Role.ADMIN),
            // what the business's own systems send, and undoing a merge: supervisors
            rule(HttpMethod.PUT, "/api/customers/*/attributes", Role.SUPERVISOR),
            rule(HttpMethod.POST, "/api/customers/merges/*/undo", Role.SUPERVISOR),
            rule(null, "/api/insights/**", Role.SUPERVISOR),
            rule(HttpMethod.GET, "/insights", Role.SUPERVISOR),
            rule(HttpMethod.GET, "/insights/**", Role.SUPERVISOR),
            rule(HttpMethod.GET, "/actuator/prometheus", Role.SUPERVISOR),
            // what the bot knows and how journeys run: designers
            rule(HttpMethod.POST, "/api/knowledge/sources", Role.DESIGNER),
            rule(null, "/api/journeys/**", Role.DESIGNER),
            // reading customers and conversations, and asking what the bot would find: agents
            rule(HttpMethod.GET, "/api/customers", Role.AGENT),
            rule(HttpMethod.GET, "/api/customers/**", Role.AGENT),
            rule(HttpMethod.GET, "/api/conversations/**", Role.AGENT),
            rule(HttpMethod.GET, "/api/knowledge/**", Role.AGENT),
            rule(HttpMethod.POST, "/api/intents/classify", Role.AGENT),
            rule(null, "/api/**", Role.ADMIN),
            rule(null, "/actuator/**", Role.ADMIN));

    private AccessRules() {}

    /** The role the request needs, when a rule covers it. */
    static Optional<Role> needed(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).map(Rule::role).findFirst();
    }

    private static Rule rule(HttpMethod method, String pattern, Role role) {
        return new Rule(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), role);
    }
}
