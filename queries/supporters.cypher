// description: Who supports an organisation: every supporter with its number of support agreements and its share of all the support agreements the organisation receives.
// param: hospital organisation - the supported hospital (or any organisation): name, abbreviation, alias or id
// columns: hospital supporter name agreements:int share:float
MATCH (h:Organisation {id: $hospital})<-[r:SUPPORTS]-(s:Organisation)
WITH s, count(r) AS agreements
WITH collect({supporter: s, agreements: agreements}) AS supporters, sum(agreements) AS incoming
UNWIND supporters AS row
RETURN $hospital AS hospital, row.supporter.id AS supporter, row.supporter.name AS name,
       row.agreements AS agreements, toFloat(row.agreements) / incoming AS share
ORDER BY agreements DESC, supporter
