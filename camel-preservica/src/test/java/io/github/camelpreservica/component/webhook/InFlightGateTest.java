package io.github.camelpreservica.component.webhook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightGateTest {

    private final InFlightGate gate = new InFlightGate();

    @Test
    void refusesRequestsBeforeItIsOpened() {
        assertThat(gate.tryEnter()).isFalse();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void countsTheRequestsAdmitted() {
        gate.open();

        assertThat(gate.tryEnter()).isTrue();
        assertThat(gate.tryEnter()).isTrue();
        gate.leave();

        assertThat(gate.inFlight()).isEqualTo(1);
    }

    @Test
    void refusesNewRequestsOnceClosing() throws Exception {
        gate.open();
        assertThat(gate.closeAndAwait(1_000)).isTrue();

        assertThat(gate.tryEnter()).isFalse();
    }

    @Test
    void waitsForTheAdmittedRequestsToLeave() throws Exception {
        gate.open();
        assertThat(gate.tryEnter()).isTrue();
        CompletableFuture<Boolean> closing = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.closeAndAwait(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (gate.isOpen()) {
            Thread.onSpinWait();
        }
        assertThat(closing).isNotDone();

        gate.leave();

        assertThat(closing.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givesUpWaitingAfterTheTimeoutAndSaysSo() throws Exception {
        gate.open();
        gate.tryEnter();

        assertThat(gate.closeAndAwait(50)).isFalse();
        assertThat(gate.inFlight()).isEqualTo(1);
    }
}
