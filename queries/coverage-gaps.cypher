// description: Coverage gaps: post-2025 provinces where the graph has organisations but none of them is a central hospital or receives support from one. Provinces with no organisation in the graph at all are not listed.
// columns: province name organisations:int
MATCH (o:Organisation) WHERE o.province_2025 IS NOT NULL
WITH o.province_2025 AS province, collect(o) AS organisations
WHERE none(o IN organisations WHERE (o:Hospital AND o.tier = 'central')
                                  OR EXISTS { (c:Hospital {tier: 'central'})-[:SUPPORTS]->(o) })
MATCH (p:Province {id: province})
RETURN province, p.name AS name, size(organisations) AS organisations
ORDER BY province
