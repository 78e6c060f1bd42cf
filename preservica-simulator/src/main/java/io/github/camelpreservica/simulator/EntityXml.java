package io.github.camelpreservica.simulator;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The XML answers of the entity API, shaped like Preservica's {@code EntityResponse}. */
final class EntityXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final String entityNs;
    private final String xipNs;
    private final String fullVersion;
    private final String baseUrl;

    /** @param majorMinor e.g. {@code 7.0}, which gives the {@code v7.0} namespaces */
    EntityXml(String majorMinor, String fullVersion, String baseUrl) {
        this.entityNs = "http://preservica.com/EntityAPI/v" + majorMinor;
        this.xipNs = "http://preservica.com/XIP/v" + majorMinor;
        this.fullVersion = fullVersion;
        this.baseUrl = baseUrl;
    }

    byte[] versionDetails() {
        return write(xml -> {
            xml.writeStartElement("", "VersionDetails", entityNs);
            xml.writeDefaultNamespace(entityNs);
            element(xml, "", entityNs, "CurrentVersion", fullVersion);
            xml.writeEndElement();
        });
    }

    byte[] informationObject(SimulatedAsset asset) {
        String self = baseUrl + "/api/entity/information-objects/" + asset.ref();
        return entity("InformationObject", asset.ref(), asset.title(), asset.description(), asset.securityTag(),
                asset.parentRef(), self, "Representations");
    }

    byte[] structuralObject(SimulatedFolder folder) {
        String self = baseUrl + "/api/entity/structural-objects/" + folder.ref();
        return entity("StructuralObject", folder.ref(), folder.title(), folder.description(), folder.securityTag(),
                folder.parentRef(), self, "Children");
    }

    private byte[] entity(String kind, String ref, String title, String description, String securityTag,
                          String parentRef, String self, String extraLink) {
        return write(xml -> {
            xml.writeStartElement("", "EntityResponse", entityNs);
            xml.writeDefaultNamespace(entityNs);
            xml.writeNamespace("xip", xipNs);
            xml.writeStartElement("xip", kind, xipNs);
            element(xml, "xip", xipNs, "Ref", ref);
            element(xml, "xip", xipNs, "Title", title);
            element(xml, "xip", xipNs, "Description", description);
            element(xml, "xip", xipNs, "SecurityTag", securityTag);
            if (parentRef != null) {
                element(xml, "xip", xipNs, "Parent", parentRef);
            }
            xml.writeEndElement();
            xml.writeStartElement("", "AdditionalInformation", entityNs);
            element(xml, "", entityNs, "Self", self);
            if (parentRef != null) {
                element(xml, "", entityNs, "Parent", baseUrl + "/api/entity/structural-objects/" + parentRef);
            }
            element(xml, "", entityNs, "Identifiers", self + "/identifiers");
            element(xml, "", entityNs, "Links", self + "/links");
            element(xml, "", entityNs, extraLink, self + "/" + extraLink.toLowerCase());
            element(xml, "", entityNs, "Metadata", null);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    interface XmlBody {
        void writeTo(XMLStreamWriter xml) throws XMLStreamException;
    }

    static byte[] write(XmlBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.writeTo(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write entity XML", e);
        }
        return out.toByteArray();
    }

    static void element(XMLStreamWriter xml, String prefix, String ns, String name, String text)
            throws XMLStreamException {
        if (text == null) {
            xml.writeEmptyElement(prefix, name, ns);
            return;
        }
        xml.writeStartElement(prefix, name, ns);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
