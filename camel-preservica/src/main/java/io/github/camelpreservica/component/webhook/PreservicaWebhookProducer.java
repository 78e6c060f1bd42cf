package io.github.camelpreservica.component.webhook;

import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.client.Subscription;
import io.github.camelpreservica.client.TriggerType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Manages subscriptions from a route: list, subscribe, unsubscribe one, unsubscribe all. Each value comes from its
 * header when set, else from the endpoint option. Client exceptions propagate unchanged so that onException and
 * doTry can catch {@code PreservicaNotFoundException} and its siblings.
 */
public class PreservicaWebhookProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(PreservicaWebhookProducer.class);

    public PreservicaWebhookProducer(PreservicaWebhookEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public PreservicaWebhookEndpoint getEndpoint() {
        return (PreservicaWebhookEndpoint) super.getEndpoint();
    }

    private PreservicaWebhookConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // looks the credentials up now: a missing password stops the route from starting, naming where to set it
        client();
    }

    private PreservicaClient client() {
        return getEndpoint().getComponent().clientFor(configuration());
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        switch (operation(message)) {
            case subscriptions -> message.setBody(client().listSubscriptions());
            case subscribe -> message.setBody(subscribe(message));
            case unsubscribe -> message.setBody(unsubscribe(message));
            case unsubscribeAll -> message.setBody(client().unsubscribeAll());
            default -> throw new IllegalStateException("Unhandled operation " + operation(message));
        }
    }

    private PreservicaWebhookOperation operation(Message message) {
        String name = headerOr(message, PreservicaWebhookConstants.OPERATION, configuration().getOperation());
        if (name == null) {
            throw new IllegalArgumentException("No operation for preservica-webhook:" + getEndpoint().getName()
                    + ": set the option 'operation' or the header " + PreservicaWebhookConstants.OPERATION);
        }
        return PreservicaWebhookOperation.fromName(name);
    }

    private Subscription subscribe(Message message) {
        String url = required(message, PreservicaWebhookConstants.WEBHOOK_URL, configuration().getWebhookExternalUrl(),
                "webhookExternalUrl", "the URL Preservica should deliver to");
        String trigger = required(message, PreservicaWebhookConstants.TRIGGER, configuration().getTrigger(), "trigger",
                "the trigger to subscribe to");
        String secret = message.getHeader(PreservicaWebhookConstants.SECRET, String.class);
        // used once, then dropped so that it does not travel on with the message (and into logs)
        message.removeHeader(PreservicaWebhookConstants.SECRET);
        if (secret == null || secret.isBlank()) {
            secret = getEndpoint().getComponent().resolveSecret(configuration());
        }
        // a subscription made with a weak secret would be as easy to forge as a consumer started with one
        SecretStrength.check(secret, "preservica-webhook:" + getEndpoint().getName());
        if (trigger.contains(",")) {
            // the consumer's option takes a list, but one call creates one subscription
            throw new IllegalArgumentException(
                    "The subscribe operation of preservica-webhook:" + getEndpoint().getName()
                            + " creates one subscription, for one trigger, but was given '" + trigger
                            + "': send one message per trigger");
        }
        Subscription subscription = client().subscribe(url, TriggerType.fromString(trigger), secret);
        LOG.info("Subscribed {} to {} as {}", url, subscription.triggerType(), subscription.id());
        return subscription;
    }

    private String unsubscribe(Message message) {
        String id = required(message, PreservicaWebhookConstants.SUBSCRIPTION_ID, configuration().getSubscriptionId(),
                "subscriptionId", "the id of the subscription to remove");
        client().unsubscribe(id);
        LOG.info("Unsubscribed {}", id);
        return id;
    }

    private String required(Message message, String header, String option, String optionName, String what) {
        String value = headerOr(message, header, option);
        if (value == null) {
            throw new IllegalArgumentException("No " + optionName + " for the " + operation(message)
                    + " operation of preservica-webhook:" + getEndpoint().getName() + " (" + what
                    + "): set the option '" + optionName + "' or the header " + header);
        }
        return value;
    }

    private static String headerOr(Message message, String header, String option) {
        String value = message.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            value = option;
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
