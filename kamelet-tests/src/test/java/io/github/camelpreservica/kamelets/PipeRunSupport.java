package io.github.camelpreservica.kamelets;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.simulator.DeliveryRecord;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedSubscription;
import io.github.camelpreservica.testing.FreePorts;
import io.github.camelpreservica.testing.RunningMain;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.MainCommandLineSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.camel.builder.Builder.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The documented Pipe (preservica-webhook-source to the catalogue's log-sink) on a Camel runtime, against the
 * simulated Preservica over loopback: it subscribes, a signed delivery is answered 200 and reaches the sink as JSON,
 * and stopping the application removes the subscription. Each subclass names the runtime.
 */
abstract class PipeRunSupport {

    static final String USER = "kamelet-user";
    static final String PASSWORD = "kamelet-password";
    static final String TENANT = "KAMELET";
    static final String WEBHOOK_SECRET = "kamelet-webhook-secret";
    private static final String HARBOUR_REF = "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2";

    @TempDir
    Path workDir;

    /** The runtime under test, not yet configured. */
    abstract MainCommandLineSupport newMain();

    @Test
    void subscribesDeliversAnEventToTheSinkAndUnsubscribesOnStop() throws Exception {
        try (PreservicaSimulator preservica = PreservicaSimulator.builder().host("127.0.0.1").port(0)
                .user(USER, PASSWORD, TENANT).build().start()) {
            int port = FreePorts.next();
            String webhookUrl = "http://127.0.0.1:" + port + "/preservica/events";
            Path pipe = DocumentedPipe.writeTo(workDir);

            MainCommandLineSupport main = newMain();
            main.setDefaultPropertyPlaceholderLocation("false");
            main.addInitialProperty("camel.main.routes-include-pattern", "file:" + pipe);
            main.addInitialProperty("camel.server.enabled", "true");
            main.addInitialProperty("camel.server.host", "127.0.0.1");
            main.addInitialProperty("camel.server.port", String.valueOf(port));
            // the documented Secret's keys, with the simulator's values
            main.addInitialProperty(DocumentedPipe.URL_PROPERTY, webhookUrl);
            main.addInitialProperty("camel.component.preservica-webhook.server", preservica.baseUrl());
            main.addInitialProperty("camel.component.preservica-webhook.username", USER);
            main.addInitialProperty("camel.component.preservica-webhook.password", PASSWORD);
            main.addInitialProperty("camel.component.preservica-webhook.tenant", TENANT);
            main.addInitialProperty("camel.component.preservica-webhook.secret", WEBHOOK_SECRET);

            try (RunningMain app = new RunningMain(main)) {
                await().atMost(30, TimeUnit.SECONDS).until(() -> preservica.subscriptions().stream()
                        .map(SimulatedSubscription::url).anyMatch(webhookUrl::equals));
                NotifyBuilder reachedTheSink = new NotifyBuilder(app.camelContext())
                        .whenAnyDoneMatches(body().convertToString().contains("\"entityRef\":\"" + HARBOUR_REF + "\""))
                        .create();

                List<DeliveryRecord> sent = preservica.fire("INDEXED", HARBOUR_REF);

                assertThat(sent).singleElement().extracting(DeliveryRecord::status).isEqualTo(200);
                assertThat(reachedTheSink.matches(20, TimeUnit.SECONDS)).as("the event reached the sink as JSON")
                        .isTrue();
                app.stop();
            }
            assertThat(preservica.subscriptions()).as("subscriptions after the application stopped").isEmpty();
        }
    }
}
