package io.github.camelpreservica.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XipReaderTest {

    private static String entityResponse(String version) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<EntityResponse xmlns=\"http://preservica.com/EntityAPI/" + version + "\""
                + " xmlns:xip=\"http://preservica.com/XIP/" + version + "\">\n"
                + "  <xip:InformationObject>\n"
                + "    <xip:Ref>7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2</xip:Ref>\n"
                + "    <xip:Title>Ærøskøbing harbour</xip:Title>\n"
                + "    <xip:Description>Photograph &amp; caption</xip:Description>\n"
                + "    <xip:SecurityTag>open</xip:SecurityTag>\n"
                + "    <xip:Parent>0a1b2c3d-0000-4000-8000-000000000001</xip:Parent>\n"
                + "  </xip:InformationObject>\n"
                + "  <AdditionalInformation><Metadata><Fragment schema=\"x\">"
                + "<Title xmlns=\"urn:other\">not the asset title</Title></Fragment></Metadata></AdditionalInformation>\n"
                + "</EntityResponse>";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAssetFieldsWhateverTheNamespaceVersion() {
        for (String version : new String[]{ "v6.0", "v6.2", "v7.0", "v8.1" }) {
            Asset asset = XipReader.readAsset(utf8(entityResponse(version)));
            assertEquals(new Asset("7fdea7e0-1e72-4fb1-aadb-d7f9ee6ed8c2", "Ærøskøbing harbour",
                    "Photograph & caption", "open", "0a1b2c3d-0000-4000-8000-000000000001"), asset, version);
        }
    }

    @Test
    void leavesAbsentOptionalFieldsNull() {
        String xml = "<EntityResponse xmlns:xip=\"http://preservica.com/XIP/v7.0\"><xip:InformationObject>"
                + "<xip:Ref>r1</xip:Ref><xip:SecurityTag>closed</xip:SecurityTag></xip:InformationObject></EntityResponse>";
        Asset asset = XipReader.readAsset(utf8(xml));
        assertEquals("r1", asset.ref());
        assertNull(asset.title());
        assertNull(asset.description());
        assertNull(asset.parent());
    }

    @Test
    void refusesDocumentTypeDeclarationsSoExternalEntitiesCannotBeRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<EntityResponse><InformationObject><Ref>&x;</Ref></InformationObject></EntityResponse>";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> XipReader.readAsset(utf8(xxe)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void reportsAnswerWithoutRef() {
        assertThrows(IllegalArgumentException.class, () -> XipReader.readAsset(utf8("<EntityResponse/>")));
    }

    @Test
    void reportsBrokenXml() {
        assertThrows(IllegalArgumentException.class, () -> XipReader.readAsset(utf8("<EntityResponse>")));
    }

    @Test
    void readsCurrentVersion() {
        String xml = "<VersionDetails xmlns=\"http://preservica.com/EntityAPI/v7.0\">"
                + "<CurrentVersion>7.0.0</CurrentVersion></VersionDetails>";
        assertEquals("7.0.0", XipReader.readCurrentVersion(utf8(xml)));
    }
}
