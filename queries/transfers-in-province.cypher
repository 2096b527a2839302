// description: Techniques transferred to organisations in a province (a post-2025 province includes its pre-2025 parts): which technique, from whom, to whom, when.
// param: province province - province name (pre- or post-2025, any spelling) or id
// columns: province technique source source_name recipient recipient_name date transfer
MATCH (t:Technique)-[r:TRANSFERRED_TO]->(o:Organisation)
WHERE o.province = $province OR o.province_2025 = $province
OPTIONAL MATCH (s:Organisation {id: r.`from`})
RETURN $province AS province, t.id AS technique, s.id AS source, s.name AS source_name, o.id AS recipient,
       o.name AS recipient_name, r.date AS date, r.transfer AS transfer
ORDER BY coalesce(date, ''), technique, recipient, coalesce(source, ''), transfer
