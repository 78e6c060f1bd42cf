package io.github.camelpreservica.springboot;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter puts the webhook body filter in front of every servlet application, first of all filters. */
class WebhookServletFilterRegistrationTest {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(CamelAutoConfiguration.class,
            PreservicaWebhookServletAutoConfiguration.class);

    @Test
    void registersTheBodyFilterFirstInAServletApplication() {
        new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run(context -> {
            assertThat(context).hasBean("preservicaWebhookBodyLimitFilter");
            FilterRegistrationBean<?> registration = context.getBean("preservicaWebhookBodyLimitFilter",
                    FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(WebhookBodyLimitFilter.class);
            assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
            assertThat(registration.getUrlPatterns()).containsExactly("/*");
        });
    }

    @Test
    void canBeTurnedOffByProperty() {
        new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withPropertyValues("preservica.webhook.servlet-body-limit.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("preservicaWebhookBodyLimitFilter"));
    }

    @Test
    void isNotRegisteredOutsideAServletApplication() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .run(context -> assertThat(context).doesNotHaveBean("preservicaWebhookBodyLimitFilter"));
    }

    @Test
    void isListedInTheAutoConfigurationImports() throws Exception {
        try (var in = getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines())
                    .contains(PreservicaWebhookServletAutoConfiguration.class.getName());
        }
    }
}
