package io.github.camelpreservica.benchmarks.jmh;

import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.support.DefaultConsumer;

/**
 * A platform-http engine without a server: it keeps the processor the webhook consumer registers, so a benchmark
 * can hand it exchanges directly and measure the component's request handling without the network in the way.
 */
final class CapturingHttpEngine implements PlatformHttpEngine {

    private volatile Processor processor;

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        this.processor = processor;
        return new Consumer(endpoint, processor);
    }

    Processor processor() {
        if (processor == null) {
            throw new IllegalStateException("No route registered a platform-http consumer");
        }
        return processor;
    }

    private static final class Consumer extends DefaultConsumer implements PlatformHttpConsumer {

        Consumer(PlatformHttpEndpoint endpoint, Processor processor) {
            super(endpoint, processor);
        }

        @Override
        public PlatformHttpEndpoint getEndpoint() {
            return (PlatformHttpEndpoint) super.getEndpoint();
        }
    }
}
