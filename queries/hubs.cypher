// description: Hubs: organisations that support the most hospitals (distinct supported hospitals, then support agreements with hospitals), most first.
// param: min_hospitals int=2 - leave out supporters of fewer hospitals than this
// columns: min_hospitals:int supporter name hospitals:int agreements:int
MATCH (s:Organisation)-[r:SUPPORTS]->(h:Hospital)
WITH s, count(DISTINCT h) AS hospitals, count(r) AS agreements
WHERE hospitals >= toInteger($min_hospitals)
RETURN $min_hospitals AS min_hospitals, s.id AS supporter, s.name AS name, hospitals, agreements
ORDER BY hospitals DESC, agreements DESC, supporter
