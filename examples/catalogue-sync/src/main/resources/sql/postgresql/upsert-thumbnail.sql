INSERT INTO catalogue_thumbnail (ref, content_type, content)
VALUES (CAST(:#ref AS VARCHAR), CAST(:#thumbnailType AS VARCHAR), CAST(:#thumbnail AS BYTEA))
ON CONFLICT (ref) DO UPDATE SET content_type = EXCLUDED.content_type, content = EXCLUDED.content
