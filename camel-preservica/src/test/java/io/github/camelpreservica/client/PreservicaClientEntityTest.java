package io.github.camelpreservica.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.RecordedRequest;
import io.github.camelpreservica.simulator.SimulatedAsset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.client.SimulatorFixture.clientFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreservicaClientEntityTest {

    private static final String REF = "7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2";
    private static final String PARENT = "0a1b2c3d-0000-4000-8000-000000000001";
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
            'R' };

    private PreservicaSimulator sim;
    private PreservicaClient client;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.simulator().version("6.10.1").build().start();
        sim.addAsset(new SimulatedAsset(REF, "Ærøskøbing harbour", "Photograph & <caption>", "open", PARENT, PNG,
                "image/png"));
        sim.addAsset(new SimulatedAsset("no-thumbnail", "Plain", null, "closed", PARENT, null, null));
        client = new PreservicaClient(clientFor(sim).build());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void readsTheAssetFromVersionedXip() {
        assertEquals(new Asset(REF, "Ærøskøbing harbour", "Photograph & <caption>", "open", PARENT),
                client.getAsset(REF));
    }

    @Test
    void reportsTheServerVersion() {
        assertEquals("6.10.1", client.serverVersion());
    }

    @Test
    void unknownAssetIsNotFoundNamingTheReference() {
        PreservicaNotFoundException e = assertThrows(PreservicaNotFoundException.class,
                () -> client.getAsset("no-such-asset"));
        assertEquals("Preservica has no asset 'no-such-asset' (GET /api/entity/information-objects/no-such-asset"
                + " answered 404)", e.getMessage());
    }

    @Test
    void thumbnailBytesAreTheSimulatorsBytes() {
        Thumbnail thumbnail = client.getThumbnail(EntityType.IO, REF, ThumbnailSize.SMALL).orElseThrow();
        assertArrayEquals(PNG, thumbnail.content());
        assertEquals("image/png", thumbnail.contentType());
        assertEquals(ThumbnailSize.SMALL, thumbnail.size());
        assertEquals(new Thumbnail(PNG.clone(), "image/png", ThumbnailSize.SMALL), thumbnail, "compared by content");
    }

    @Test
    void asksForTheThumbnailWithTheSdbIdAndSize() {
        client.getThumbnail(EntityType.IO, REF, ThumbnailSize.LARGE);
        RecordedRequest request = sim.requests().stream()
                .filter(r -> r.path().equals(PreservicaClient.THUMBNAIL_PATH)).findFirst().orElseThrow();
        assertEquals("GET", request.method());
        assertEquals("id=sdb%3AIO%7C" + REF + "&size=large", request.query());
    }

    @Test
    void missingThumbnailIsEmpty() {
        assertEquals(Optional.empty(), client.getThumbnail(EntityType.IO, "no-thumbnail", ThumbnailSize.MEDIUM));
        assertEquals(Optional.empty(), client.getThumbnail(EntityType.SO, PARENT, ThumbnailSize.MEDIUM));
    }

    @Test
    void streamsTheThumbnail() throws IOException {
        try (InputStream stream = client.openThumbnail(EntityType.IO, REF, ThumbnailSize.MEDIUM).orElseThrow()) {
            assertArrayEquals(PNG, stream.readAllBytes());
        }
        assertTrue(client.openThumbnail(EntityType.IO, "no-thumbnail", ThumbnailSize.MEDIUM).isEmpty());
    }

    @Test
    void streamingSurvivesAnExpiredToken() throws IOException {
        client.serverVersion();
        sim.expireAllTokens();
        try (InputStream stream = client.openThumbnail(EntityType.IO, REF, ThumbnailSize.SMALL).orElseThrow()) {
            assertArrayEquals(PNG, stream.readAllBytes());
        }
        assertEquals(2, sim.loginCount());
    }

    @Test
    void encodesReferencesInThePath() {
        assertThrows(PreservicaNotFoundException.class, () -> client.getAsset("a b+c"));
        RecordedRequest request = sim.requests().stream()
                .filter(r -> r.path().startsWith(PreservicaClient.ASSET_PATH)).findFirst().orElseThrow();
        // arrives as one segment: the blank did not break the URI (references with "/" are refused: see
        // UnsafeIdentifierTest)
        assertEquals(PreservicaClient.ASSET_PATH + "a b+c", request.path());
    }
}
