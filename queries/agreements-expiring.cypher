// description: Agreements whose validity ends within N days of a date (inclusive); only agreements with a full end date (YYYY-MM-DD) can be placed in such a window.
// param: date date=today - the first day of the window, YYYY-MM-DD
// param: days int=90 - length of the window in days
// columns: date days:int agreement kind party_a party_a_name party_b party_b_name supporter valid_to sources:list
WITH toString(date($date) + duration({days: toInteger($days)})) AS until
MATCH (a:Agreement)
WHERE a.valid_to =~ '[0-9]{4}-[0-9]{2}-[0-9]{2}' AND a.valid_to >= $date AND a.valid_to <= until
MATCH (pa:Organisation)<-[:PARTY]-(a)-[:PARTY]->(pb:Organisation)
WHERE pa.id < pb.id
RETURN $date AS date, $days AS days, a.id AS agreement, a.kind AS kind, pa.id AS party_a, pa.name AS party_a_name,
       pb.id AS party_b, pb.name AS party_b_name,
       a.supporter AS supporter, a.valid_to AS valid_to,
       [coalesce(a.source, a.document)] AS sources
ORDER BY valid_to, agreement
