package io.github.camelpreservica.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelpreservica.client.CredentialResolver;
import io.github.camelpreservica.client.PreservicaClientConfig;
import io.github.camelpreservica.component.preservica.PreservicaComponent;
import io.github.camelpreservica.component.webhook.PreservicaWebhookComponent;
import io.github.camelpreservica.component.webhook.PreservicaWebhookConfiguration;
import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The troubleshooting section of docs/user-guide.md quotes error messages exactly. Each quoted message is marked
 * {@code <!-- message: id -->}; this test provokes the failure of that id for real (against the simulator, over
 * loopback) and checks the quote against what the code says, {@code …} standing for the parts that vary (server
 * address, port, what the server answered). A message reworded in the code fails here until the guide follows.
 */
class TroubleshootingMessagesTest {

    private static final Pattern DOCUMENTED = Pattern.compile("<!-- message: ([a-z0-9-]+) -->\\s*\\n```\\n(.*?)\\n```");
    private static final String USER = "camel-robot";
    private static final String PASSWORD = "correct-horse";
    private static final String TENANT = "MYTENANT";
    private static final String SECRET = "my_shared_secret";
    private static final String LOOPBACK = "127.0.0.1";

    private static PreservicaSimulator simulator;

    /** Each documented failure, provoked: the messages of the exception and its causes, outermost first. */
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();

    {
        scenarios.put("missing-server", () -> clientConfigFailure(null, USER, PASSWORD));
        scenarios.put("missing-password", () -> clientConfigFailure(simulator.baseUrl(), USER, null));
        scenarios.put("missing-secret", this::missingSecret);
        scenarios.put("no-trigger", () -> webhookStartFailure("preservica-webhook:events", c -> c.setTrigger(null)));
        scenarios.put("unknown-trigger",
                () -> webhookStartFailure("preservica-webhook:events?trigger=CREATED", c -> {
                }));
        scenarios.put("subscribe-failed", () -> webhookStartFailure("preservica-webhook:events?trigger=INDEXED",
                c -> c.setPassword("wrong-password")));
        scenarios.put("refused-login", () -> webhookStartFailure("preservica-webhook:events?trigger=INDEXED",
                c -> c.setPassword("wrong-password")));
        scenarios.put("two-factor-needed", () -> webhookStartFailure("preservica-webhook:events?trigger=INDEXED",
                c -> c.setUsername("two-factor-user")));
        scenarios.put("missing-role", () -> webhookStartFailure("preservica-webhook:events?trigger=INDEXED",
                c -> c.setUsername("read-only-user")));
        scenarios.put("challenge-failed", this::challengeFailed);
        scenarios.put("unreachable", this::unreachable);
        scenarios.put("read-timeout", this::readTimeout);
        scenarios.put("no-cluster-service", () -> webhookStartFailure(
                "preservica-webhook:events?trigger=INDEXED&clusterNamespace=archive-events", c -> {
                }));
        scenarios.put("invalid-external-url", () -> webhookStartFailure("preservica-webhook:events?trigger=INDEXED",
                c -> c.setWebhookExternalUrl("https://hooks.example.org/events?source=preservica")));
        scenarios.put("oracle-challenge", () -> {
            try {
                new WebhookSignatures(SECRET).challengeResponse("preservica-webhook-auth{\"events\":[]}");
                return List.of();
            } catch (RuntimeException e) {
                return messages(e);
            }
        });
        scenarios.put("unknown-operation", () -> {
            try (CamelContext context = new DefaultCamelContext()) {
                context.getEndpoint("preservica-webhook:admin?operation=list");
                return List.of("(the endpoint was created)");
            } catch (RuntimeException e) {
                return messages(e);
            }
        });
        scenarios.put("asset-not-found", () -> preservicaFailure("preservica:asset", "no-such-asset"));
        scenarios.put("no-entity-ref", () -> preservicaFailure("preservica:asset", null));
    }

    @BeforeAll
    static void startSimulator() {
        simulator = PreservicaSimulator.builder().port(0)
                .user(USER, PASSWORD, TENANT)
                .user("two-factor-user", PASSWORD, TENANT)
                .twoFactorSeed("two-factor-user", "JBSWY3DPEHPK3PXP")
                .user("read-only-user", PASSWORD, TENANT, "ROLE_SDB_READ_ONLY_USER")
                .build().start();
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyDocumentedMessageHasAScenarioAndEveryScenarioIsDocumented() throws IOException {
        assertEquals(new TreeSet<>(scenarios.keySet()), new TreeSet<>(documented().keySet()),
                "the ids marked <!-- message: id --> in docs/user-guide.md and the scenarios of this test");
    }

    @TestFactory
    Stream<DynamicTest> eachDocumentedMessageIsWhatTheCodeSays() throws IOException {
        return documented().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Scenario scenario = scenarios.get(entry.getKey());
            if (scenario == null) {
                fail("No scenario provokes the documented message '" + entry.getKey() + "'");
            }
            List<String> actual = scenario.messages();
            Pattern quoted = glob(entry.getValue());
            assertTrue(actual.stream().anyMatch(message -> quoted.matcher(message).matches()),
                    () -> "docs/user-guide.md quotes, for '" + entry.getKey() + "':\n  " + entry.getValue()
                            + "\nbut the code says:\n  " + String.join("\n  ", actual));
        }));
    }

    private static Map<String, String> documented() throws IOException {
        Path moduleDir = UpdateComponentDocs.moduleDir(Path.of(System.getProperty("basedir", "")).toAbsolutePath());
        String guide = Files.readString(moduleDir.resolve("../docs/user-guide.md").normalize(), StandardCharsets.UTF_8);
        Map<String, String> messages = new LinkedHashMap<>();
        Matcher marker = DOCUMENTED.matcher(guide);
        while (marker.find()) {
            messages.put(marker.group(1), marker.group(2));
        }
        return messages;
    }

    /** The quoted message as a pattern: literal text, with each {@code …} standing for any text. */
    static Pattern glob(String quoted) {
        StringBuilder regex = new StringBuilder();
        for (String literal : quoted.split("…", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    // the scenarios

    private List<String> clientConfigFailure(String server, String username, String password) {
        // an empty environment and no credentials.properties: only what is passed counts
        CredentialResolver nothingElse = new CredentialResolver(Map.of(),
                Path.of("target", "none", "credentials.properties"));
        try {
            PreservicaClientConfig.fromResolver(nothingElse, server, username, password, null, null).build();
            return List.of();
        } catch (RuntimeException e) {
            return messages(e);
        }
    }

    private List<String> missingSecret() throws Exception {
        Assumptions.assumeTrue(System.getenv("PRESERVICA_WEBHOOK_SECRET") == null
                && !Files.exists(Path.of("credentials.properties")),
                "the webhook secret is set in this machine's environment or credentials.properties");
        return webhookStartFailure("preservica-webhook:events?trigger=INDEXED", c -> c.setSecret(null));
    }

    private List<String> challengeFailed() throws Exception {
        // Preservica is told to call a port where nobody listens, so its challenge cannot be answered
        String nowhere = "http://" + LOOPBACK + ":" + FreePorts.next() + "/preservica/events";
        return webhookStartFailure("preservica-webhook:events?trigger=INDEXED", c -> c.setWebhookExternalUrl(nowhere));
    }

    private List<String> unreachable() throws Exception {
        String nobody = "http://" + LOOPBACK + ":" + FreePorts.next();
        return webhookStartFailure("preservica-webhook:events?trigger=INDEXED", c -> {
            c.setServer(nobody);
            c.setConnectTimeout(2_000);
        });
    }

    private List<String> readTimeout() throws Exception {
        simulator.delayResponses(Duration.ofSeconds(3));
        try {
            return webhookStartFailure("preservica-webhook:events?trigger=INDEXED", c -> c.setReadTimeout(500));
        } finally {
            simulator.delayResponses(Duration.ZERO);
        }
    }

    /** Starts a consumer route on a real platform-http server; the start is expected to fail. */
    private List<String> webhookStartFailure(String uri, Consumer<PreservicaWebhookConfiguration> adjust)
            throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost(LOOPBACK);
            server.setBindPort(FreePorts.next());
            context.addService(new VertxPlatformHttpServer(server));
            context.getRestConfiguration().setHost(LOOPBACK);
            PreservicaWebhookConfiguration config = context
                    .getComponent("preservica-webhook", PreservicaWebhookComponent.class).getConfiguration();
            config.setServer(simulator.baseUrl());
            config.setUsername(USER);
            config.setPassword(PASSWORD);
            config.setTenant(TENANT);
            config.setSecret(SECRET);
            config.setReadTimeout(10_000);
            adjust.accept(config);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).to("log:events");
                }
            });
            try {
                context.start();
            } catch (Exception e) {
                return messages(e);
            }
            return List.of("(the route started: no failure)");
        }
    }

    /** Sends one message through a preservica producer; the exchange is expected to fail. */
    private List<String> preservicaFailure(String uri, String body) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PreservicaComponent component = context.getComponent("preservica", PreservicaComponent.class);
            component.getConfiguration().setServer(simulator.baseUrl());
            component.getConfiguration().setUsername(USER);
            component.getConfiguration().setPassword(PASSWORD);
            component.getConfiguration().setTenant(TENANT);
            context.start();
            Exception failure = context.createProducerTemplate()
                    .request(uri, exchange -> exchange.getMessage().setBody(body)).getException();
            return failure == null ? List.of("(the exchange succeeded)") : messages(failure);
        }
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null && messages.size() < 20; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
        }
        return messages;
    }

    @FunctionalInterface
    private interface Scenario {
        List<String> messages() throws Exception;
    }
}
