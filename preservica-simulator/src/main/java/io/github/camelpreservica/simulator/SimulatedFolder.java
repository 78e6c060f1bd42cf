package io.github.camelpreservica.simulator;

/** A folder (structural object) the entity API can answer for. */
public record SimulatedFolder(String ref, String title, String description, String securityTag, String parentRef) {
}
