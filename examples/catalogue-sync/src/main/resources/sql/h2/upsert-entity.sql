MERGE INTO catalogue_entity t
USING (VALUES (CAST(:#ref AS VARCHAR), CAST(:#type AS VARCHAR), CAST(:#title AS VARCHAR),
               CAST(:#description AS VARCHAR), CAST(:#parent AS VARCHAR), CAST(:#securityTag AS VARCHAR),
               CAST(:#identifiers AS VARCHAR), CAST(:#deleted AS BOOLEAN), CAST(:#lastChange AS TIMESTAMP WITH TIME ZONE)))
    AS s (ref, entity_type, title, description, parent, security_tag, identifiers, deleted, last_change)
ON t.ref = s.ref
WHEN MATCHED THEN UPDATE SET
    entity_type = s.entity_type,
    title = CASE WHEN s.deleted THEN t.title ELSE s.title END,
    description = CASE WHEN s.deleted THEN t.description ELSE s.description END,
    parent = CASE WHEN s.deleted THEN t.parent ELSE s.parent END,
    security_tag = CASE WHEN s.deleted THEN t.security_tag ELSE s.security_tag END,
    identifiers = COALESCE(s.identifiers, t.identifiers),
    deleted = s.deleted,
    last_change = CASE WHEN t.deleted IS DISTINCT FROM s.deleted
        OR (NOT s.deleted AND (t.entity_type IS DISTINCT FROM s.entity_type OR t.title IS DISTINCT FROM s.title
            OR t.description IS DISTINCT FROM s.description OR t.parent IS DISTINCT FROM s.parent
            OR t.security_tag IS DISTINCT FROM s.security_tag))
        THEN GREATEST(t.last_change, s.last_change) ELSE t.last_change END
WHEN NOT MATCHED THEN INSERT (ref, entity_type, title, description, parent, security_tag, identifiers, deleted, last_change)
    VALUES (s.ref, s.entity_type, s.title, s.description, s.parent, s.security_tag, s.identifiers, s.deleted, s.last_change)
