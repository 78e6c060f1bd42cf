package io.github.camelpreservica.client;

/**
 * An entity listed by updated-since. Preservica gives no time of the change, only the order (oldest first).
 *
 * @param type {@code IO} (asset), {@code SO} (folder) or {@code CO} (content object), as sent
 * @param deleted whether the entity was deleted (it then answers 404 to a GET)
 * @param url the entity's URL in the Entity API, as sent (may be null)
 */
public record ChangedEntity(String ref, String type, String title, boolean deleted, String url) {
}
