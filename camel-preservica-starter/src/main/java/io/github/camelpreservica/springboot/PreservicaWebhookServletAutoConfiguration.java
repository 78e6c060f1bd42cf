package io.github.camelpreservica.springboot;

import io.github.camelpreservica.component.webhook.ReceivingPaths;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Registers {@link WebhookBodyLimitFilter} in a servlet web application, ahead of every other filter, so that the
 * preservica-webhook consumers' limits (405, 413, 408) apply before Camel's servlet binding reads a body. Hand
 * written (the starter generator lists it in AutoConfiguration.imports). Turn it off with
 * {@code preservica.webhook.servlet-body-limit.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ jakarta.servlet.Filter.class, FilterRegistrationBean.class })
@ConditionalOnProperty(name = "preservica.webhook.servlet-body-limit.enabled", havingValue = "true",
                       matchIfMissing = true)
public class PreservicaWebhookServletAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "preservicaWebhookBodyLimitFilter")
    public FilterRegistrationBean<WebhookBodyLimitFilter> preservicaWebhookBodyLimitFilter(
                                                                                           ObjectProvider<CamelContext> camelContext) {
        // the context is looked up per request: the filter is created before Camel starts its routes
        WebhookBodyLimitFilter filter = new WebhookBodyLimitFilter(() -> ReceivingPaths.of(camelContext.getObject()));
        FilterRegistrationBean<WebhookBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("preservicaWebhookBodyLimitFilter");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
