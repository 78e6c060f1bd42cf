package io.github.camelpreservica.component.webhook;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a preservica-webhook producer does with Preservica's subscriptions. */
public enum PreservicaWebhookOperation {
    /** Lists the user's subscriptions. */
    subscriptions,
    /** Creates a subscription; Preservica challenges the URL while the call runs. */
    subscribe,
    /** Removes one subscription by id. */
    unsubscribe,
    /** Removes every subscription of the user. */
    unsubscribeAll;

    /**
     * The operation with exactly this name.
     *
     * @throws IllegalArgumentException naming the value and listing the valid operations
     */
    public static PreservicaWebhookOperation fromName(String name) {
        for (PreservicaWebhookOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException(
                "Unknown operation '" + name + "' for preservica-webhook: valid operations are "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
