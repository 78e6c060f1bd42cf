package io.github.camelpreservica.component.webhook;

/**
 * The checks of {@link WebhookRequestHandler} that depend on the consumer's options beyond the signature: replays,
 * when challenges are answered, and the memory all bodies in flight may hold.
 */
record DeliverySafeguards(ReplayGuard replays, ChallengeWindow challenges, BodyMemoryBudget bodyMemory) {
}
