MERGE INTO catalogue_thumbnail KEY (ref) VALUES (CAST(:#ref AS VARCHAR), CAST(:#thumbnailType AS VARCHAR), :#thumbnail)
