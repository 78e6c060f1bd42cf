package io.github.camelpreservica.component.preservica;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.SimulatedAsset;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The simulator (with its demo assets) the tests of this package talk to over loopback, started once a class, and
 * the preservica component pointed at it.
 */
abstract class PreservicaTestSupport extends CamelTestSupport {

    static final String USERNAME = "admin";
    static final String PASSWORD = "secret";
    static final String TENANT = "TEST";

    protected static PreservicaSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = PreservicaSimulator.builder().port(0).user(USERNAME, PASSWORD, TENANT).demoAssets(true).build();
        simulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PreservicaConfiguration configuration = context.getComponent("preservica", PreservicaComponent.class)
                .getConfiguration();
        configuration.setServer(simulator.baseUrl());
        configuration.setUsername(USERNAME);
        configuration.setPassword(PASSWORD);
        configuration.setTenant(TENANT);
        return context;
    }

    /** A demo asset that has a thumbnail. */
    static SimulatedAsset assetWithThumbnail() {
        return simulator.assets().stream().filter(SimulatedAsset::hasThumbnail).findFirst()
                .orElseThrow(() -> new IllegalStateException("The simulator's demo assets have no thumbnail"));
    }
}
