package io.github.camelpreservica.benchmarks.jmh;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Remembers nothing, so a benchmark can send one delivery over and over and have it routed every time, not
 * acknowledged as a redelivery. (The wrk load keeps the default repository and sends distinct deliveries instead.)
 */
final class ForgetfulRepository extends ServiceSupport implements IdempotentRepository {

    @Override
    public boolean add(String key) {
        return true;
    }

    @Override
    public boolean contains(String key) {
        return false;
    }

    @Override
    public boolean remove(String key) {
        return true;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        // nothing is kept
    }
}
