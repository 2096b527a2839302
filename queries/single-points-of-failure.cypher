// description: Single points of failure: hospitals whose support all comes from one organisation (hospitals nobody supports are not listed).
// columns: hospital name supporter supporter_name agreements:int
MATCH (s:Organisation)-[r:SUPPORTS]->(h:Hospital)
WITH h, collect(DISTINCT s) AS supporters, count(r) AS agreements
WHERE size(supporters) = 1
RETURN h.id AS hospital, h.name AS name, supporters[0].id AS supporter, supporters[0].name AS supporter_name,
       agreements
ORDER BY hospital
