SELECT e.ref, e.entity_type, e.title, e.description, e.parent, e.security_tag, e.identifiers, e.deleted, e.last_change,
       CASE WHEN th.ref IS NULL THEN FALSE ELSE TRUE END AS has_thumbnail
FROM catalogue_entity e LEFT JOIN catalogue_thumbnail th ON th.ref = e.ref
ORDER BY e.entity_type DESC, e.title, e.ref
