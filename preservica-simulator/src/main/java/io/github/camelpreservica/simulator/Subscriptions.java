package io.github.camelpreservica.simulator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The webhook subscriptions held, in the order they were created. */
final class Subscriptions {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SimulatedSubscription> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();

    SimulatedSubscription add(String url, Trigger trigger, boolean includeIdentifiers, String secret, String tenant) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        // Preservica's ids are 32 lowercase hex characters
        SimulatedSubscription subscription = new SimulatedSubscription(HexFormat.of().formatHex(bytes), url,
                trigger.wireValue(), includeIdentifiers, secret, tenant);
        byId.put(subscription.id(), subscription);
        order.add(subscription.id());
        return subscription;
    }

    SimulatedSubscription get(String id) {
        return id == null ? null : byId.get(id);
    }

    boolean remove(String id) {
        if (id != null && byId.remove(id) != null) {
            order.remove(id);
            return true;
        }
        return false;
    }

    List<SimulatedSubscription> all() {
        List<SimulatedSubscription> result = new ArrayList<>();
        for (String id : order) {
            SimulatedSubscription subscription = byId.get(id);
            if (subscription != null) {
                result.add(subscription);
            }
        }
        return result;
    }

    List<SimulatedSubscription> forTenant(String tenant) {
        return all().stream().filter(s -> s.tenant().equals(tenant)).toList();
    }

    List<SimulatedSubscription> forTrigger(Trigger trigger) {
        return all().stream().filter(s -> s.triggerType().equals(trigger.wireValue())).toList();
    }

    void clear() {
        byId.clear();
        order.clear();
    }
}
