package io.github.camelpreservica.simulator;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The XML answers of the change queries, in the EntityAPI namespace with XIP elements, like Preservica's. */
final class ChangeXml {

    private final String entityNs;
    private final String xipNs;
    private final String baseUrl;

    /** @param majorMinor e.g. {@code 7.0}, which gives the {@code v7.0} namespaces */
    ChangeXml(String majorMinor, String baseUrl) {
        this.entityNs = "http://preservica.com/EntityAPI/v" + majorMinor;
        this.xipNs = "http://preservica.com/XIP/v" + majorMinor;
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    byte[] entities(ChangeLog.Page<ChangeLog.Change> page, String next) {
        return EntityXml.write(xml -> {
            start(xml, "EntitiesResponse");
            xml.writeStartElement("", "Entities", entityNs);
            for (ChangeLog.Change change : page.items()) {
                CatalogueEntry entity = change.entity();
                xml.writeStartElement("", "Entity", entityNs);
                if (entity.title() != null) {
                    xml.writeAttribute("title", entity.title());
                }
                xml.writeAttribute("ref", entity.ref());
                xml.writeAttribute("type", entity.type());
                if (entity.deleted()) {
                    xml.writeAttribute("deleted", "true");
                }
                xml.writeCharacters(baseUrl + "/api/entity/" + ("IO".equals(entity.type())
                        ? "information-objects/"
                        : "structural-objects/") + entity.ref());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            paging(xml, page, next);
            xml.writeEndElement();
        });
    }

    byte[] events(ChangeLog.Page<ChangeLog.Change> page, String next) {
        return EntityXml.write(xml -> {
            start(xml, "EventsResponse");
            xml.writeStartElement("", "Events", entityNs);
            for (ChangeLog.Change change : page.items()) {
                event(xml, change, true);
            }
            xml.writeEndElement();
            paging(xml, page, next);
            xml.writeEndElement();
        });
    }

    byte[] eventActions(ChangeLog.Page<ChangeLog.Change> page, String next) {
        return EntityXml.write(xml -> {
            start(xml, "EventActionsResponse");
            xml.writeStartElement("", "EventActions", entityNs);
            for (ChangeLog.Change change : page.items()) {
                xml.writeStartElement("xip", "EventAction", xipNs);
                xml.writeAttribute("commandType", change.commandType());
                event(xml, change, false);
                EntityXml.element(xml, "xip", xipNs, "Date", change.at().toString());
                EntityXml.element(xml, "xip", xipNs, "Entity", change.entity().ref());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            paging(xml, page, next);
            xml.writeEndElement();
        });
    }

    private void start(XMLStreamWriter xml, String root) throws XMLStreamException {
        xml.writeStartElement("", root, entityNs);
        xml.writeDefaultNamespace(entityNs);
        xml.writeNamespace("xip", xipNs);
    }

    private void event(XMLStreamWriter xml, ChangeLog.Change change, boolean withWorkflow) throws XMLStreamException {
        xml.writeStartElement("xip", "Event", xipNs);
        xml.writeAttribute("type", change.eventType());
        EntityXml.element(xml, "xip", xipNs, "Ref", change.eventRef());
        EntityXml.element(xml, "xip", xipNs, "Date", change.at().toString());
        EntityXml.element(xml, "xip", xipNs, "User", change.user());
        if (withWorkflow && "Ingest".equals(change.eventType())) {
            EntityXml.element(xml, "xip", xipNs, "WorkflowName", "Ingest");
        }
        xml.writeEndElement();
    }

    private void paging(XMLStreamWriter xml, ChangeLog.Page<?> page, String next) throws XMLStreamException {
        xml.writeStartElement("", "Paging", entityNs);
        if (next != null) {
            EntityXml.element(xml, "", entityNs, "Next", next);
        }
        EntityXml.element(xml, "", entityNs, "TotalResults", Integer.toString(page.total()));
        xml.writeEndElement();
    }
}
