// description: The shortest chains of support from one organisation to another, following SUPPORTS in its direction (supporter to supported), at most 4 hops; every shortest chain is listed, as ids joined by " > ".
// param: source organisation - where support starts: name, abbreviation, alias or id
// param: target organisation - where it should arrive
// columns: source target hops:int path
MATCH (s:Organisation {id: $source}), (t:Organisation {id: $target})
WHERE s <> t
MATCH p = allShortestPaths((s)-[:SUPPORTS*..4]->(t))
WITH DISTINCT [n IN nodes(p) | n.id] AS ids
RETURN $source AS source, $target AS target, size(ids) - 1 AS hops,
       reduce(acc = head(ids), x IN tail(ids) | acc + ' > ' + x) AS path
ORDER BY path
