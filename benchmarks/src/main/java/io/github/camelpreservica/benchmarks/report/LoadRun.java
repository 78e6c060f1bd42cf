package io.github.camelpreservica.benchmarks.report;

/**
 * One timed wrk run against one server: what its Lua {@code done()} printed, where it stood in the sequence, and
 * how many bytes the server allocated meanwhile (-1 if unknown).
 */
public record LoadRun(String server, int connections, int round, long requests, long durationMicros,
                      long p50Micros, long p99Micros, long non2xx, long socketErrors, long allocatedBytes) {

    public double requestsPerSecond() {
        return durationMicros == 0 ? 0 : requests * 1_000_000.0 / durationMicros;
    }

    /** Bytes the server allocated per request during the run; -1 when not measured. */
    public long allocatedPerRequest() {
        return allocatedBytes < 0 || requests == 0 ? -1 : allocatedBytes / requests;
    }

    /** A run where anything failed measured the wrong thing (e.g. 401s are cheap): it must not count silently. */
    public boolean clean() {
        return non2xx == 0 && socketErrors == 0 && requests > 0;
    }
}
