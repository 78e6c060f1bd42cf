package io.github.camelpreservica.examples.quarkus;

import io.github.camelpreservica.delivery.WebhookDelivery;
import io.github.camelpreservica.delivery.WebhookEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * For native mode only (untested, see the README): Jackson writes the delivery model by reflection (the route's
 * {@code marshal().json()}), which a native image must be told about. The JVM mode this example is tested in does
 * not need it.
 */
@RegisterForReflection(targets = { WebhookEvent.class, WebhookDelivery.class })
public class NativeReflection {
}
