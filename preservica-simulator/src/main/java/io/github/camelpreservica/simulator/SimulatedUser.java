package io.github.camelpreservica.simulator;

import java.util.List;

/**
 * A Preservica user account the simulator accepts.
 *
 * @param totpSeed Base32 seed when the user must complete two-factor login, else null
 */
public record SimulatedUser(String userName, String password, String tenant, List<String> roles, String totpSeed) {

    public SimulatedUser {
        roles = List.copyOf(roles);
    }

    boolean hasAnyRole(List<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    SimulatedUser withTotpSeed(String seed) {
        return new SimulatedUser(userName, password, tenant, roles, seed);
    }

    @Override
    public String toString() {
        // password and seed are secrets: never printed
        return "SimulatedUser[userName=" + userName + ", tenant=" + tenant + ", roles=" + roles
                + ", twoFactor=" + (totpSeed != null) + "]";
    }
}
