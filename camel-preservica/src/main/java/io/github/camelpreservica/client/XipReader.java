package io.github.camelpreservica.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads the XIP XML of Preservica's Entity API. Elements are matched by local name because the namespaces carry the
 * server's version ({@code http://preservica.com/XIP/v7.0}). The parser refuses DTDs and external entities (XXE).
 */
final class XipReader {

    private static final DocumentBuilderFactory FACTORY = secureFactory();

    private XipReader() {
    }

    /** The asset in an {@code EntityResponse}; fields inside metadata fragments are not mistaken for it. */
    static Asset readAsset(byte[] xml) {
        Element entity = entity(xml, "InformationObject");
        return new Asset(childText(entity, "Ref"), childText(entity, "Title"), childText(entity, "Description"),
                childText(entity, "SecurityTag"), childText(entity, "Parent"));
    }

    /** The folder in an {@code EntityResponse}, read like an asset. */
    static Folder readFolder(byte[] xml) {
        Element entity = entity(xml, "StructuralObject");
        return new Folder(childText(entity, "Ref"), childText(entity, "Title"), childText(entity, "Description"),
                childText(entity, "SecurityTag"), childText(entity, "Parent"));
    }

    /** The element holding the entity's fields, which must have a Ref. */
    private static Element entity(byte[] xml, String kind) {
        Element root = parse(xml).getDocumentElement();
        Element container = firstDescendant(root, kind);
        if (container == null) {
            container = root;
        }
        if (childText(container, "Ref") == null) {
            throw new IllegalArgumentException("The Preservica answer has no Ref element (root element <"
                    + root.getLocalName() + ">)");
        }
        return container;
    }

    /** The {@code CurrentVersion} of a version details answer, e.g. {@code 7.0.0}. */
    static String readCurrentVersion(byte[] xml) {
        Element root = parse(xml).getDocumentElement();
        Element version = "CurrentVersion".equals(root.getLocalName()) ? root : firstDescendant(root, "CurrentVersion");
        if (version == null || version.getTextContent().isBlank()) {
            throw new IllegalArgumentException("The Preservica version answer has no CurrentVersion element");
        }
        return version.getTextContent().strip();
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) { // factories are not promised to be thread-safe
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(new ThrowingErrorHandler());
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("Preservica answered XML that cannot be parsed: " + e.getMessage(), e);
        }
    }

    static Element firstDescendant(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                if (localName.equals(element.getLocalName())) {
                    return element;
                }
                Element found = firstDescendant(element, localName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String childText(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                String text = element.getTextContent();
                return text == null || text.isBlank() ? null : text.strip();
            }
        }
        return null;
    }

    /** Turns parse errors into exceptions instead of the default handler's lines on stderr. */
    private static final class ThrowingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make the document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static DocumentBuilderFactory secureFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("This JVM's XML parser cannot be made safe against external entities", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
