package io.github.camelpreservica.client;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelpreservica.client.SimulatorFixture.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reference or subscription id that would make its URL name another resource is refused before any request: today
 * {@code DELETE /api/webhook/subscriptions/.} would normalise to the collection itself.
 */
class UnsafeIdentifierTest {

    private PreservicaSimulator sim;
    private PreservicaClient client;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.simulator().build().start();
        client = new PreservicaClient(clientFor(sim).build());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { ".", "..", "", "a/b", "a\\b", "x?y=1", "x#y", "%2e", "%2E%2E", "a\u0000b", "a\nb",
            "a\u007fb" })
    void unsubscribeRefusesIdThatNamesAnotherResource(String id) {
        assertThatThrownBy(() -> client.unsubscribe(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subscription id");
        assertThat(sim.requests()).noneMatch(r -> "DELETE".equals(r.method()));
    }

    @ParameterizedTest
    @ValueSource(strings = { ".", "..", "../../api/webhook/subscriptions", "x?y", "x#y", "%2e%2e", "a\rb" })
    void getAssetRefusesReferenceThatNamesAnotherResource(String ref) {
        assertThatThrownBy(() -> client.getAsset(ref))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entity reference");
        assertThat(sim.requests()).noneMatch(r -> r.path().startsWith("/api/entity"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "..", "a|b/../c", "x#y", "%7C" })
    void thumbnailRefusesReferenceThatNamesAnotherResource(String ref) {
        assertThatThrownBy(() -> client.getThumbnail(EntityType.IO, ref, ThumbnailSize.SMALL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entity reference");
        assertThat(sim.requests()).noneMatch(r -> r.path().startsWith("/api/content"));
    }
}
