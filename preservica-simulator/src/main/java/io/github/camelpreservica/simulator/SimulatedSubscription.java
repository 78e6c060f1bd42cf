package io.github.camelpreservica.simulator;

/**
 * A webhook subscription held by the simulator.
 *
 * @param triggerType the wire value, e.g. {@code FULL_TEXT_INDEXED}
 * @param secret the shared secret deliveries are signed with (never shown by {@link #toString()})
 */
public record SimulatedSubscription(String id, String url, String triggerType, boolean includeIdentifiers,
                                    String secret, String tenant) {

    @Override
    public String toString() {
        return "SimulatedSubscription[id=" + id + ", url=" + url + ", triggerType=" + triggerType
                + ", includeIdentifiers=" + includeIdentifiers + ", tenant=" + tenant + "]";
    }
}
