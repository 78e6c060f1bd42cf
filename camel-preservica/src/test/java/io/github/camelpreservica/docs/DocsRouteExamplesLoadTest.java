package io.github.camelpreservica.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelpreservica.component.preservica.PreservicaComponent;
import io.github.camelpreservica.component.webhook.PreservicaWebhookComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every YAML and XML route example of the README, the user guide and the component pages loads into a
 * CamelContext, and its endpoints are created: a renamed option or a typo in an example fails here. (The pages
 * about other runtimes, such as deployment.md, show routes that need those runtimes' components.) The routes are not
 * started, so nothing is
 * subscribed; brokers the examples hand events to (jms, kafka) are stubbed, since the point is the examples' use of
 * this project's components.
 */
class DocsRouteExamplesLoadTest {

    private static final String NOBODY_LISTENS = "http://127.0.0.1:9";

    static List<DocSnippets.Snippet> examples() throws IOException {
        Path root = UpdateComponentDocs.moduleDir(Path.of(System.getProperty("basedir", "")).toAbsolutePath())
                .resolve("..").normalize();
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        pages.add(root.resolve("docs/user-guide.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(page -> page.getFileName().toString().endsWith("-component.adoc")).sorted().forEach(pages::add);
        }
        List<DocSnippets.Snippet> snippets = new ArrayList<>();
        pages.stream().filter(Files::isRegularFile).forEach(page -> snippets.addAll(DocSnippets.routesIn(page)));
        assertFalse(snippets.isEmpty(), "No route example found under " + root);
        return snippets;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void loadsAndCreatesItsEndpoints(DocSnippets.Snippet example) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.setAutoStartup(false);
            context.addComponent("jms", new StubComponent());
            context.addComponent("kafka", new StubComponent());
            // Camel starts the producers of a route even when the route does not start, and a producer looks its
            // credentials up when it starts: give it some, for a server nobody listens on (nothing is called)
            PreservicaComponent preservica = context.getComponent("preservica", PreservicaComponent.class);
            preservica.getConfiguration().setServer(NOBODY_LISTENS);
            preservica.getConfiguration().setUsername("docs-example");
            preservica.getConfiguration().setPassword("docs-example");
            PreservicaWebhookComponent webhook = context.getComponent("preservica-webhook",
                    PreservicaWebhookComponent.class);
            webhook.getConfiguration().setServer(NOBODY_LISTENS);
            webhook.getConfiguration().setUsername("docs-example");
            webhook.getConfiguration().setPassword("docs-example");
            webhook.getConfiguration().setSecret("docs-example");
            Resource resource = "yaml".equals(example.language())
                    ? ResourceHelper.fromString("example.yaml", example.text())
                    : ResourceHelper.fromString("example.xml", "<routes>\n" + example.text() + "</routes>\n");
            PluginHelper.getRoutesLoader(context).loadRoutes(resource);

            context.start();

            assertFalse(context.getRoutes().isEmpty(), () -> example + " defines no route");
            for (Route route : context.getRoutes()) {
                // creating the consumer's endpoint is what checks the URI's options
                assertFalse(route.getEndpoint() == null,
                        () -> example + ": route " + route.getId() + " has no endpoint");
            }
        }
    }
}
