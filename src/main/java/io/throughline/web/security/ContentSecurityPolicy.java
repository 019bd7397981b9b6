package io.throughline.web.security;

import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The Content-Security-Policy of the app's own pages (demo page, help centre, insights dashboard): scripts only from
 * this server, so markup that slipped into a page could not run. Styles may be inline (the pages and bpmn-js set
 * them); a page with an inline script of its own names that script's hash.
 */
public final class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    static final String POLICY = policy("");

    private ContentSecurityPolicy() {}

    /** The policy, also allowing these exact inline scripts (by their SHA-256). */
    public static String allowingInlineScripts(String... scripts) {
        return policy(Arrays.stream(scripts)
                .map(script -> " 'sha256-" + Base64.getEncoder().encodeToString(ApiKeys.sha256(script)) + "'")
                .collect(Collectors.joining()));
    }

    private static String policy(String extraScripts) {
        return "default-src 'self'; script-src 'self'" + extraScripts + "; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
    }
}
