package io.github.camelpreservica.client;

import java.time.Instant;

/**
 * An event of Preservica's history (an ingest, a modification, a move...).
 *
 * @param type the event type as sent, e.g. {@code Ingest}, {@code Modified}, {@code Moved}
 */
public record PreservicaEvent(String ref, String type, Instant date, String user, String workflowName,
                              String workflowInstanceId) {
}
