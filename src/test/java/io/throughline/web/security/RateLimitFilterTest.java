package io.throughline.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The limits the application tests cannot reach without holding back the other tests in their context: webhooks per
 * channel (every channel test shares them), and the client address taken from the connection, not from an
 * {@code X-Forwarded-For} the server was not told to trust. Real Bucket4j buckets, small capacities.
 */
class RateLimitFilterTest {

    private static final RateLimitSettings.Limit THREE = new RateLimitSettings.Limit(3, Duration.ofMinutes(1));
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimits(),
            new RateLimitSettings(true, THREE, THREE, THREE, THREE, THREE, THREE), new JsonErrors(new ObjectMapper()));

    @Test
    void webhooksAreLimitedPerChannel() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("POST", "/webhooks/telegram", "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call("POST", "/webhooks/telegram", "10.0.0.2");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).matches("[1-9][0-9]*");
        assertThat(refused.getContentAsString()).contains("\"error\"").contains("throughline.rate-limits.webhooks");
        assertThat(call("POST", "/webhooks/slack", "10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void anUntrustedForwardedForHeaderChangesNothing() throws Exception {
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = request("GET", "/widget.js", "10.0.0.9");
            request.addHeader("X-Forwarded-For", "203.0.113." + i);
            assertThat(call(request).getStatus()).isEqualTo(200);
        }
        assertThat(call("GET", "/help", "10.0.0.9").getStatus()).isEqualTo(429);
    }

    @Test
    void offMeansOff() throws Exception {
        var off = new RateLimitFilter(new RateLimits(), new RateLimitSettings(false, THREE, THREE, THREE, THREE, THREE,
                THREE), new JsonErrors(new ObjectMapper()));
        for (int i = 0; i < 5; i++) {
            var response = new MockHttpServletResponse();
            off.doFilter(request("POST", "/webhooks/telegram", "10.0.0.1"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse call(String method, String path, String ip) throws Exception {
        return call(request(method, path, ip));
    }

    private MockHttpServletResponse call(MockHttpServletRequest request) throws Exception {
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String method, String path, String ip) {
        var request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(ip);
        return request;
    }
}
