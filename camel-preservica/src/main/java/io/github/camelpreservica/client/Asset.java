package io.github.camelpreservica.client;

/** The descriptive fields of a Preservica asset (information object); {@code parent} is the folder reference. */
public record Asset(String ref, String title, String description, String securityTag, String parent) {
}
