// description: Organisations that depend on a hospital: everything it supports directly or through others (directed SUPPORTS paths), with the share of each dependant's incoming support agreements that come straight from that hospital.
// param: hospital organisation - the supporting (usually central) hospital: name, abbreviation, alias or id
// columns: hospital dependant name direct:bool satellite:bool agreements:int incoming:int share:float sources:list
// The dependants (directed SUPPORTS paths), the hospital's own SUPPORTS and its satellites are
// three expansions from the hospital, summed per dependant: no expansion from each dependant.
// support_agreements and support_sources: the summary of each organisation's incoming SUPPORTS,
// kept by `healthgraph neo4j load`.
MATCH (h:Organisation {id: $hospital})
CALL (h) {
  MATCH (h)-[:SUPPORTS*]->(d:Organisation) WHERE d <> h
  RETURN DISTINCT d, 0 AS agreements, 0 AS satellite
  UNION ALL
  MATCH (h)-[own:SUPPORTS]->(d:Organisation) WHERE d <> h
  RETURN d, count(own) AS agreements, 0 AS satellite
  UNION ALL
  MATCH (h)<-[:SATELLITE_OF]-(d:Organisation) WHERE d <> h
  RETURN DISTINCT d, 0 AS agreements, 1 AS satellite
}
WITH d, sum(agreements) AS agreements, sum(satellite) > 0 AS satellite
RETURN $hospital AS hospital, d.id AS dependant, d.name AS name, agreements > 0 AS direct, satellite,
       agreements, d.support_agreements AS incoming, toFloat(agreements) / d.support_agreements AS share,
       d.support_sources AS sources
ORDER BY share DESC, dependant
