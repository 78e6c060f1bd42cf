package io.github.camelpreservica.benchmarks.server;

import java.lang.management.ManagementFactory;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code GET /bench/allocated}: the bytes allocated so far by the server's live threads (HotSpot counts them per
 * thread). run.sh reads it before and after each load run, so garbage per request is measured on the real server,
 * not guessed. Both servers carry this route; it is idle while the load runs.
 */
public final class AllocationRoute extends RouteBuilder {

    public static final String PATH = "/bench/allocated";

    @Override
    public void configure() {
        from("platform-http:" + PATH + "?httpMethodRestrict=GET")
                .routeId("allocated")
                .process(exchange -> {
                    exchange.getMessage().getHeaders().clear();
                    exchange.getMessage().setHeader("Content-Type", "text/plain");
                    exchange.getMessage().setBody(Long.toString(allocatedByLiveThreads()));
                });
    }

    static long allocatedByLiveThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            // -1 for a thread that ended between listing and asking
            total += Math.max(allocated, 0);
        }
        return total;
    }
}
