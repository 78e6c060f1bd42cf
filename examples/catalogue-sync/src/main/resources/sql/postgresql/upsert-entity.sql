INSERT INTO catalogue_entity AS t (ref, entity_type, title, description, parent, security_tag, identifiers, deleted, last_change)
VALUES (CAST(:#ref AS VARCHAR), CAST(:#type AS VARCHAR), CAST(:#title AS VARCHAR),
        CAST(:#description AS VARCHAR), CAST(:#parent AS VARCHAR), CAST(:#securityTag AS VARCHAR),
        CAST(:#identifiers AS VARCHAR), CAST(:#deleted AS BOOLEAN), CAST(:#lastChange AS TIMESTAMP WITH TIME ZONE))
ON CONFLICT (ref) DO UPDATE SET
    entity_type = EXCLUDED.entity_type,
    title = CASE WHEN EXCLUDED.deleted THEN t.title ELSE EXCLUDED.title END,
    description = CASE WHEN EXCLUDED.deleted THEN t.description ELSE EXCLUDED.description END,
    parent = CASE WHEN EXCLUDED.deleted THEN t.parent ELSE EXCLUDED.parent END,
    security_tag = CASE WHEN EXCLUDED.deleted THEN t.security_tag ELSE EXCLUDED.security_tag END,
    identifiers = COALESCE(EXCLUDED.identifiers, t.identifiers),
    deleted = EXCLUDED.deleted,
    last_change = CASE WHEN t.deleted IS DISTINCT FROM EXCLUDED.deleted
        OR (NOT EXCLUDED.deleted AND (t.entity_type IS DISTINCT FROM EXCLUDED.entity_type OR t.title IS DISTINCT FROM EXCLUDED.title
            OR t.description IS DISTINCT FROM EXCLUDED.description OR t.parent IS DISTINCT FROM EXCLUDED.parent
            OR t.security_tag IS DISTINCT FROM EXCLUDED.security_tag))
        THEN GREATEST(t.last_change, EXCLUDED.last_change) ELSE t.last_change END
