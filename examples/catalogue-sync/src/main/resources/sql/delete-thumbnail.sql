DELETE FROM catalogue_thumbnail WHERE ref = :#ref
