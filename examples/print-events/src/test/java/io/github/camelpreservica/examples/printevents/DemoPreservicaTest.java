package io.github.camelpreservica.examples.printevents;

import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.examples.demo.DemoPreservica;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.RunningMain;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DemoPreservicaTest {

    @Test
    void staysOffAndLeavesTheConfiguredServerInUseWhenAServerIsConfigured() {
        try (PreservicaSimulator preservica = PreservicaSimulator.builder()
                .port(0).user("admin", "admin-password", "TEST").build().start()) {
            DemoPreservica demo = new DemoPreservica(null);
            Main main = PrintEventsApplication.newMain(demo);
            main.addOverrideProperty("camel.component.preservica-webhook.server", preservica.baseUrl());
            main.addOverrideProperty("camel.component.preservica-webhook.username", "admin");
            main.addOverrideProperty("camel.component.preservica-webhook.password", "admin-password");
            main.addOverrideProperty("camel.component.preservica-webhook.tenant", "TEST");
            main.addOverrideProperty("camel.component.preservica-webhook.secret", "configured-secret-of-the-demo");

            try (RunningMain app = RunningMain.withServerOnFreePort(main)) {
                await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().size() == 1);
                assertThat(demo.simulator()).isEmpty();
            }
        }
    }
}
