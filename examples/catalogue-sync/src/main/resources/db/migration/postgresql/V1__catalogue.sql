-- One row per Preservica entity (asset IO or folder SO), keyed by its reference, and its large thumbnail apart.
CREATE TABLE catalogue_entity (
    ref          VARCHAR(64) PRIMARY KEY,
    entity_type  VARCHAR(8) NOT NULL,
    title        VARCHAR,
    description  VARCHAR,
    parent       VARCHAR(64),
    security_tag VARCHAR(256),
    identifiers  VARCHAR,
    deleted      BOOLEAN NOT NULL DEFAULT FALSE,
    last_change  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE catalogue_thumbnail (
    ref          VARCHAR(64) PRIMARY KEY REFERENCES catalogue_entity (ref),
    content_type VARCHAR(128) NOT NULL,
    content      BYTEA NOT NULL
);
