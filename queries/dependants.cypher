// description: Organisations that depend on a hospital: everything it supports directly or through others (directed SUPPORTS paths), with the share of each dependant's incoming support agreements that come straight from that hospital.
// param: hospital organisation - the supporting (usually central) hospital: name, abbreviation, alias or id
// columns: hospital dependant name direct:bool satellite:bool agreements:int incoming:int share:float sources:list
MATCH (h:Organisation {id: $hospital})
MATCH (h)-[:SUPPORTS*]->(d:Organisation)
WHERE d <> h
WITH DISTINCT h, d
MATCH (s:Organisation)-[r:SUPPORTS]->(d)
WITH h, d, count(r) AS incoming, sum(CASE WHEN s = h THEN 1 ELSE 0 END) AS agreements,
     collect(DISTINCT coalesce(r.source, r.document)) AS sources
RETURN $hospital AS hospital, d.id AS dependant, d.name AS name, agreements > 0 AS direct,
       EXISTS { MATCH (d)-[:SATELLITE_OF]->(core) WHERE core = h } AS satellite, agreements, incoming,
       toFloat(agreements) / incoming AS share, sources
ORDER BY share DESC, dependant
