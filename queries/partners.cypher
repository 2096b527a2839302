// description: Partners of any organisation: everyone it has an agreement with, and how (it supports them, it is supported by them, or partners as equals), with the number of agreements.
// param: organisation organisation - any organisation: name, abbreviation, alias or id
// columns: organisation partner name relation agreements:int sources:list
MATCH (o:Organisation {id: $organisation})<-[:PARTY]-(a:Agreement)-[:PARTY]->(p:Organisation)
WHERE p <> o
WITH p, a, CASE WHEN a.supporter IS NULL THEN 'partner'
                WHEN a.supporter = $organisation THEN 'supports' ELSE 'supported-by' END AS relation
RETURN $organisation AS organisation, p.id AS partner, p.name AS name, relation, count(DISTINCT a) AS agreements,
       collect(DISTINCT coalesce(a.source, a.document)) AS sources
ORDER BY partner, relation
