package io.github.camelpreservica.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads the answers of the change queries (PROTOCOL.md section 7); elements matched by local name. */
final class ChangeReader {

    private ChangeReader() {
    }

    /** {@code EntitiesResponse/Entities/Entity[@ref,@type,@title,@deleted]} with the URL as text. */
    static ChangePage<ChangedEntity> readEntities(byte[] xml, int start) {
        return readPage(xml, start, "Entities", "Entity", entity -> {
            String ref = entity.getAttribute("ref");
            if (ref.isBlank()) {
                throw new IllegalArgumentException("an Entity element without a ref attribute");
            }
            String url = entity.getTextContent();
            return new ChangedEntity(ref.strip(), blankToNull(entity.getAttribute("type")),
                    entity.hasAttribute("title") ? entity.getAttribute("title") : null,
                    Boolean.parseBoolean(entity.getAttribute("deleted").strip()), blankToNull(url));
        });
    }

    /** {@code Event[@type]} elements with {@code Ref}, {@code Date}, {@code User} and workflow children. */
    static ChangePage<PreservicaEvent> readEvents(byte[] xml, int start) {
        return readPage(xml, start, "Events", "Event", ChangeReader::event);
    }

    /** {@code EventAction[@commandType]} elements with {@code Event}, {@code Date} and {@code Entity}. */
    static ChangePage<EventAction> readEventActions(byte[] xml, int start) {
        return readPage(xml, start, "EventActions", "EventAction", action -> {
            Element event = child(action, "Event");
            String date = XipReader.childText(action, "Date");
            return new EventAction(blankToNull(action.getAttribute("commandType")),
                    event == null ? null : event(event), date == null ? null : PreservicaDates.parse(date),
                    XipReader.childText(action, "Entity"));
        });
    }

    private static PreservicaEvent event(Element event) {
        String date = XipReader.childText(event, "Date");
        return new PreservicaEvent(XipReader.childText(event, "Ref"), blankToNull(event.getAttribute("type")),
                date == null ? null : PreservicaDates.parse(date), XipReader.childText(event, "User"),
                XipReader.childText(event, "WorkflowName"), XipReader.childText(event, "WorkflowInstanceId"));
    }

    private static <T> ChangePage<T> readPage(byte[] xml, int start, String listName, String itemName,
                                              Function<Element, T> reader) {
        Element root = XipReader.parse(xml).getDocumentElement();
        Element list = listName.equals(root.getLocalName()) ? root : XipReader.firstDescendant(root, listName);
        List<T> items = new ArrayList<>();
        if (list != null) {
            for (Node node = list.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && itemName.equals(element.getLocalName())) {
                    items.add(reader.apply(element));
                }
            }
        }
        Element paging = XipReader.firstDescendant(root, "Paging");
        String next = paging == null ? null : XipReader.childText(paging, "Next");
        String total = paging == null ? null : XipReader.childText(paging, "TotalResults");
        long totalResults;
        try {
            totalResults = total == null ? start + items.size() : Long.parseLong(total);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TotalResults '" + total + "' is not a number");
        }
        boolean last = next == null && (paging != null || items.isEmpty()) || start + items.size() >= totalResults;
        return new ChangePage<>(items, start, totalResults, last || items.isEmpty());
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
