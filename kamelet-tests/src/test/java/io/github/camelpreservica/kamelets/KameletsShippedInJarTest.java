package io.github.camelpreservica.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.jar.JarFile;

import io.github.camelpreservica.component.webhook.PreservicaWebhookComponent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kamelets are in the camel-preservica jar (the reactor hands this module the packaged jar, so run it with
 * {@code verify}, as CI does), where Camel's kamelet component looks by default ({@code classpath:kamelets}), and
 * each names the version of the jar it is in as its {@code mvn:} dependency.
 */
class KameletsShippedInJarTest {

    @ParameterizedTest
    @ValueSource(strings = { "preservica-webhook-source", "preservica-asset-action" })
    void isInTheComponentJarAndDependsOnThatJarsVersion(String kamelet) throws IOException {
        URL url = PreservicaWebhookComponent.class.getClassLoader()
                .getResource("kamelets/" + kamelet + ".kamelet.yaml");

        assertThat(url).as("kamelets/%s.kamelet.yaml on the classpath", kamelet).isNotNull();
        assertThat(url.getProtocol()).as("where %s comes from (run with verify: the jar, not target/classes)", url)
                .isEqualTo("jar");
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            assertThat(jar.getName()).contains("camel-preservica-");
            assertThat(jar.getEntry(PreservicaWebhookComponent.class.getName().replace('.', '/') + ".class"))
                    .as("the component is in the same jar").isNotNull();
            Properties pom = new Properties();
            try (InputStream in = jar.getInputStream(
                    jar.getEntry("META-INF/maven/io.github.camelpreservica/camel-preservica/pom.properties"))) {
                pom.load(in);
            }
            String text;
            try (InputStream in = jar.getInputStream(jar.getEntry("kamelets/" + kamelet + ".kamelet.yaml"))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(text).contains("\"mvn:io.github.camelpreservica:camel-preservica:" + pom.getProperty("version")
                    + "\"");
            assertThat(text).contains("name: " + kamelet);
        }
    }
}
