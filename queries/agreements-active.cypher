// description: Agreements in force on a date: started (valid_from, else signed_on) on or before it and not ended before it (no valid_to means open-ended). Partial dates count at their precision ("2019" ends 2019-12-31); agreements without a dated start are left out.
// param: date date=today - the day, YYYY-MM-DD
// columns: date agreement kind party_a party_a_name party_b party_b_name supporter start valid_to sources:list
MATCH (a:Agreement)
WITH a, coalesce(a.valid_from, a.signed_on) AS start
WHERE start =~ '[0-9]{4}.*' AND start <= $date
  AND (a.valid_to IS NULL OR (a.valid_to =~ '[0-9]{4}.*' AND a.valid_to >= substring($date, 0, size(a.valid_to))))
MATCH (pa:Organisation)<-[:PARTY]-(a)-[:PARTY]->(pb:Organisation)
WHERE pa.id < pb.id
RETURN $date AS date, a.id AS agreement, a.kind AS kind, pa.id AS party_a, pa.name AS party_a_name,
       pb.id AS party_b, pb.name AS party_b_name,
       a.supporter AS supporter, start, a.valid_to AS valid_to,
       [coalesce(a.source, a.document)] AS sources
ORDER BY start, agreement
