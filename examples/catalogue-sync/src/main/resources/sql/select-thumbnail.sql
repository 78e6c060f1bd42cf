SELECT content_type, content FROM catalogue_thumbnail WHERE ref = :#ref
