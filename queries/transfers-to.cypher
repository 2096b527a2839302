// description: Techniques transferred to an organisation: which technique, from whom, when (one row per reported transfer).
// param: hospital organisation - the receiving hospital: name, abbreviation, alias or id
// columns: hospital technique source source_name date transfer
MATCH (t:Technique)-[r:TRANSFERRED_TO]->(h:Organisation {id: $hospital})
OPTIONAL MATCH (s:Organisation {id: r.`from`})
RETURN $hospital AS hospital, t.id AS technique, s.id AS source, s.name AS source_name, r.date AS date,
       r.transfer AS transfer
ORDER BY coalesce(date, ''), technique, coalesce(source, ''), transfer
