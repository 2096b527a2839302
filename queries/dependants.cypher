// description: Organisations that depend on a hospital: everything it supports directly or through others (directed SUPPORTS paths), with the share of each dependant's incoming support agreements that come straight from that hospital.
// param: hospital organisation - the supporting (usually central) hospital: name, abbreviation, alias or id
// columns: hospital dependant name direct:bool satellite:bool agreements:int incoming:int share:float sources:list
// support_agreements and support_sources: the summary of each organisation's incoming SUPPORTS,
// kept by `healthgraph neo4j load`; only the hospital's own SUPPORTS are counted here
MATCH (h:Organisation {id: $hospital})
MATCH (h)-[:SUPPORTS*]->(d:Organisation)
WHERE d <> h
WITH DISTINCT h, d
OPTIONAL MATCH (h)-[own:SUPPORTS]->(d)
WITH h, d, count(own) AS agreements
RETURN $hospital AS hospital, d.id AS dependant, d.name AS name, agreements > 0 AS direct,
       EXISTS { MATCH (d)-[:SATELLITE_OF]->(h) } AS satellite, agreements, d.support_agreements AS incoming,
       toFloat(agreements) / d.support_agreements AS share, d.support_sources AS sources
ORDER BY share DESC, dependant
