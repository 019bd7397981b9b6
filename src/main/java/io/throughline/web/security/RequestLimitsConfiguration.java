package io.throughline.web.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate and size limits run as plain servlet filters ahead of Spring Security, so a flood or an oversized body costs no
 * login check, no password hash and no parsing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RequestLimitsConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimits limits, RateLimitSettings settings,
                                                            JsonErrors errors) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(limits, settings, errors));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimitSettings settings, JsonErrors errors) {
        var registration = new FilterRegistrationBean<>(new BodyLimitFilter(settings, errors));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
