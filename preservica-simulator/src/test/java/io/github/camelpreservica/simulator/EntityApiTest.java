package io.github.camelpreservica.simulator;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Version, user details, entity XML and thumbnails. */
class EntityApiTest {

    private static final String XIP = "http://preservica.com/XIP/v7.1";

    private PreservicaSimulator sim;
    private ApiClient api;
    private String token;

    @BeforeEach
    void start() {
        sim = PreservicaSimulator.builder().version("7.1.2").build().start();
        api = new ApiClient(sim.baseUrl());
        token = api.login("admin", "secret", "TEST");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static Document parse(HttpResponse<byte[]> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
    }

    private static String xip(Document document, String name) {
        return document.getElementsByTagNameNS(XIP, name).item(0).getTextContent();
    }

    @Test
    void versionDetailsCarryTheConfiguredVersion() throws Exception {
        HttpResponse<byte[]> response = api.get("/api/entity/versiondetails/version", token);
        assertEquals(200, response.statusCode());
        assertTrue(ApiClient.text(response).contains("<CurrentVersion>7.1.2</CurrentVersion>"));
        assertEquals("http://preservica.com/EntityAPI/v7.1", parse(response).getDocumentElement().getNamespaceURI());
    }

    @Test
    void userDetailsListTheRoles() {
        HttpResponse<byte[]> response = api.get("/api/user/details", token);
        assertEquals("admin", ApiClient.json(response).get("userName").asText());
        assertEquals("TEST", ApiClient.json(response).get("tenant").asText());
        assertEquals("ROLE_SDB_MANAGER_USER", ApiClient.json(response).get("roles").get(0).asText());
    }

    @Test
    void informationObjectIsXipXmlInVersionedNamespaces() throws Exception {
        HttpResponse<byte[]> response = api.get("/api/entity/information-objects/" + DemoAssets.HARBOUR_REF, token);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        Document document = parse(response);
        assertEquals("EntityResponse", document.getDocumentElement().getLocalName());
        assertEquals(DemoAssets.HARBOUR_REF, xip(document, "Ref"));
        assertEquals("Harbour at dawn", xip(document, "Title"));
        assertEquals("open", xip(document, "SecurityTag"));
        assertEquals(DemoAssets.FOLDER_REF, xip(document, "Parent"));
        assertNotNull(document.getElementsByTagNameNS("http://preservica.com/EntityAPI/v7.1", "AdditionalInformation")
                .item(0));
    }

    @Test
    void addedAssetWithMarkupInTitleIsEscaped() throws Exception {
        sim.addAsset(new SimulatedAsset("ref-1", "Fish & <Chips>", null, null, null, null, null));
        Document document = parse(api.get("/api/entity/information-objects/ref-1", token));
        assertEquals("Fish & <Chips>", xip(document, "Title"));
    }

    @Test
    void unknownInformationObjectAnswers404() {
        assertEquals(404, api.get("/api/entity/information-objects/no-such-ref", token).statusCode());
    }

    @Test
    void structuralObjectOfDemoFolderIsServed() throws Exception {
        HttpResponse<byte[]> response = api.get("/api/entity/structural-objects/" + DemoAssets.FOLDER_REF, token);
        assertEquals(200, response.statusCode());
        Element folder = (Element) parse(response).getElementsByTagNameNS(XIP, "StructuralObject").item(0);
        assertNotNull(folder);
    }

    @Test
    void thumbnailIsARealPngOfTheAskedSize() throws Exception {
        HttpResponse<byte[]> response = api.get("/api/content/thumbnail?id=sdb:IO%7C" + DemoAssets.LETTER_REF
                + "&size=large", token);
        assertEquals(200, response.statusCode());
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(128, ImageIO.read(new ByteArrayInputStream(response.body())).getWidth());
    }

    @Test
    void thumbnailSizesHaveDifferentBytes() {
        byte[] small = api.get("/api/content/thumbnail?id=sdb:IO%7C" + DemoAssets.LETTER_REF + "&size=small", token)
                .body();
        byte[] medium = api.get("/api/content/thumbnail?id=sdb:IO%7C" + DemoAssets.LETTER_REF + "&size=medium", token)
                .body();
        assertFalse(java.util.Arrays.equals(small, medium));
    }

    @Test
    void assetWithoutThumbnailAnswers404() {
        assertEquals(404, api.get("/api/content/thumbnail?id=sdb:IO%7C" + DemoAssets.INTERVIEW_REF + "&size=small",
                token).statusCode());
    }

    @Test
    void addedAssetServesItsThumbnailBytesAndType() {
        byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3 };
        sim.addAsset(new SimulatedAsset("ref-2", "T", "D", "open", null, jpeg, "image/jpeg"));
        HttpResponse<byte[]> response = api.get("/api/content/thumbnail?id=sdb:IO%7Cref-2&size=small", token);
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(jpeg, response.body());
    }

    @Test
    void demoAssetsCanBeLeftOut() {
        try (PreservicaSimulator empty = PreservicaSimulator.builder().demoAssets(false).build().start()) {
            assertTrue(empty.assets().isEmpty());
        }
        assertTrue(sim.assets().size() >= 3);
    }
}
