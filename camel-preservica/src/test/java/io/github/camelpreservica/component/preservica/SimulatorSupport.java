package io.github.camelpreservica.component.preservica;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;

/** Starts the simulator the tests of this package talk to, and points the preservica component at it. */
final class SimulatorSupport {

    static final String USERNAME = "admin";
    static final String PASSWORD = "secret";
    static final String TENANT = "TEST";

    private SimulatorSupport() {
    }

    static PreservicaSimulator start() {
        PreservicaSimulator simulator = PreservicaSimulator.builder().port(0).user(USERNAME, PASSWORD, TENANT)
                .demoAssets(true).build();
        simulator.start();
        return simulator;
    }

    static void configure(PreservicaComponent component, PreservicaSimulator simulator) {
        PreservicaConfiguration configuration = component.getConfiguration();
        configuration.setServer(simulator.baseUrl());
        configuration.setUsername(USERNAME);
        configuration.setPassword(PASSWORD);
        configuration.setTenant(TENANT);
    }

    /** A demo asset that has a thumbnail. */
    static SimulatedAsset assetWithThumbnail(PreservicaSimulator simulator) {
        return simulator.assets().stream().filter(SimulatedAsset::hasThumbnail).findFirst()
                .orElseThrow(() -> new IllegalStateException("The simulator's demo assets have no thumbnail"));
    }
}
