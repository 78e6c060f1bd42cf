package io.github.camelpreservica.component.health;

/** Where a webhook receiver's Preservica subscriptions stand; reported in the health details and JMX. */
public enum SubscriptionState {
    /** Every trigger has a subscription, made by this receiver and so signed with its current secret. */
    SUBSCRIBED,
    /** Not yet: waiting for the HTTP server to accept connections, or retrying after a first failure. */
    PENDING,
    /** Attempts keep failing (the last error says why); they go on in the background. */
    FAILED,
    /** One of several replicas, and another one manages the subscriptions. */
    NOT_LEADER,
    /** The receiver does not subscribe (subscribe=false), or it has stopped. */
    DISABLED
}
