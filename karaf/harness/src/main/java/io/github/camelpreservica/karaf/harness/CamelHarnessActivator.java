package io.github.camelpreservica.karaf.harness;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs one Camel context while this bundle is started: the routes of an XML DSL file, served by platform-http on a
 * Vert.x server, with the camel-preservica bundle's class loader as the context's application class loader, so
 * Camel finds the component and its generated configurers through the bundle's own {@code META-INF/services}
 * entries (what camel-karaf's OSGi support does for every bundle). Stopping this bundle stops the context.
 * <p>
 * Reads {@code etc/preservica-harness.properties}: {@code route.file} and {@code http.port}.
 */
public final class CamelHarnessActivator implements BundleActivator {

    private static final String COMPONENT_BUNDLE = "io.github.camelpreservica.camel-preservica";

    private CamelContext camelContext;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        Properties settings = settings(bundleContext);
        ClassLoader componentLoader = componentBundle(bundleContext).adapt(BundleWiring.class).getClassLoader();

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Vert.x and Camel look things up through the context class loader while they start
        thread.setContextClassLoader(CamelHarnessActivator.class.getClassLoader());
        try {
            DefaultCamelContext context = new DefaultCamelContext();
            context.getCamelContextExtension().setName("preservica-karaf");
            context.setApplicationContextClassLoader(componentLoader);

            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(Integer.parseInt(settings.getProperty("http.port")));
            context.addService(new VertxPlatformHttpServer(server));

            context.build();
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveResource(context, "file:" + settings.getProperty("route.file")));
            context.start();
            camelContext = context;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void stop(BundleContext bundleContext) {
        if (camelContext != null) {
            camelContext.stop();
            camelContext = null;
        }
    }

    private static Bundle componentBundle(BundleContext bundleContext) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (COMPONENT_BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new IllegalStateException("The bundle " + COMPONENT_BUNDLE + " is not installed");
    }

    private static Properties settings(BundleContext bundleContext) throws IOException {
        Path file = Path.of(bundleContext.getProperty("karaf.etc"), "preservica-harness.properties");
        Properties settings = new Properties();
        try (InputStream in = new FileInputStream(file.toFile())) {
            settings.load(in);
        }
        return settings;
    }
}
