package io.throughline.journey;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** /engine-rest answers only to a Camunda user with HTTP Basic, and then with that user's authorizations. */
@Configuration(proxyBeanMethods = false)
class EngineRestLogin {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuth() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-basic-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
