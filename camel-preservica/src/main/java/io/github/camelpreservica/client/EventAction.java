package io.github.camelpreservica.client;

import java.time.Instant;

/**
 * What one event did to one entity.
 *
 * @param commandType as sent, e.g. {@code command_create}, {@code AddIdentifier}, {@code Moved}
 */
public record EventAction(String commandType, PreservicaEvent event, Instant date, String entityRef) {
}
