package io.github.camelpreservica.component.webhook;

import org.apache.camel.spi.Metadata;

/** The headers the preservica-webhook consumer sets on each exchange, and those its producer reads. */
public final class PreservicaWebhookConstants {

    @Metadata(description = "The id of the Preservica subscription the delivery belongs to (32 hex characters). "
            + "The producer's unsubscribe operation reads it as the id to remove.",
              javaType = "String")
    public static final String SUBSCRIPTION_ID = "CamelPreservicaSubscriptionId";

    @Metadata(description = "The delivery's trigger as Preservica sends it, e.g. FULL_TEXT_INDEXED for the INDEXED "
            + "trigger. The producer's subscribe operation reads it (name or wire value) as the "
            + "trigger to subscribe to.",
              javaType = "String")
    public static final String TRIGGER = "CamelPreservicaTrigger";

    @Metadata(description = "The event name, e.g. FullTextIndexed. Only set when each event is its own exchange "
            + "(splitEvents=true).",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelPreservicaEventType";

    @Metadata(description = "The type of the entity the event is about: IO (asset) or SO (folder). Only set when "
            + "splitEvents=true, and on caught-up exchanges.",
              javaType = "String")
    public static final String ENTITY_TYPE = "CamelPreservicaEntityType";

    @Metadata(description = "The reference (UUID) of the entity the event is about. Only set when splitEvents=true, "
            + "and on caught-up exchanges.",
              javaType = "String")
    public static final String ENTITY_REF = "CamelPreservicaEntityRef";

    @Metadata(description = "When Preservica sent the delivery, exactly as sent (no zone), e.g. "
            + "2023-10-11T10:52:42.469.",
              javaType = "String")
    public static final String TIMESTAMP = "CamelPreservicaTimestamp";

    @Metadata(description = "The Preservica tenant that sent the delivery.", javaType = "String")
    public static final String TENANT = "CamelPreservicaTenant";

    @Metadata(description = "The exact bytes of the delivery as received and verified, for whoever needs the "
            + "original JSON (e.g. to archive it or to check the signature again).",
              javaType = "byte[]")
    public static final String RAW_DELIVERY = "CamelPreservicaRawDelivery";

    @Metadata(description = "The position (from 0) of the event within its delivery. Only set when "
            + "splitEvents=true.",
              javaType = "Integer")
    public static final String EVENT_INDEX = "CamelPreservicaEventIndex";

    @Metadata(description = "How many events the delivery holds.", javaType = "Integer")
    public static final String EVENT_COUNT = "CamelPreservicaEventCount";

    @Metadata(description = "True on an exchange made by catching up (catchUp=true) from Preservica's change queries, "
            + "absent on live deliveries.",
              javaType = "Boolean")
    public static final String CATCH_UP = "CamelPreservicaCatchUp";

    @Metadata(description = "On a caught-up exchange: the start of the window it was found in (ISO-8601 instant, "
            + "the checkpoint minus catchUpOverlap).",
              javaType = "String")
    public static final String CATCH_UP_FROM = "CamelPreservicaCatchUpFrom";

    @Metadata(description = "On a caught-up exchange: the end of the window it was found in (ISO-8601 instant); "
            + "the checkpoint moves here once the whole window was routed.",
              javaType = "String")
    public static final String CATCH_UP_TO = "CamelPreservicaCatchUpTo";

    @Metadata(description = "On a caught-up exchange: whether the entity was deleted (it then answers 404 to a "
            + "GET). Live deliveries do not say.",
              javaType = "Boolean")
    public static final String DELETED = "CamelPreservicaDeleted";

    @Metadata(label = "producer", description = "The producer's operation, overriding the option operation: "
            + "subscriptions, subscribe, unsubscribe or unsubscribeAll.",
              javaType = "String")
    public static final String OPERATION = "CamelPreservicaOperation";

    @Metadata(label = "producer", description = "For subscribe: the URL Preservica should deliver to, overriding the "
            + "option webhookExternalUrl.",
              javaType = "String")
    public static final String WEBHOOK_URL = "CamelPreservicaWebhookUrl";

    @Metadata(label = "producer", description = "For subscribe: the shared secret of the new subscription, overriding "
            + "the option secret. Removed from the message once used.",
              javaType = "String", secret = true)
    public static final String SECRET = "CamelPreservicaSecret";

    private PreservicaWebhookConstants() {
    }
}
