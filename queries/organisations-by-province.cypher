// description: Organisations located in a province, optionally of one tier. A post-2025 province includes the organisations recorded in its pre-2025 parts; a pre-2025 province covers only organisations recorded in that old province (an organisation recorded by its new province cannot be placed in one old part).
// param: province province - province name (pre- or post-2025, any spelling) or id; a name both eras share means the post-2025 province
// param: tier tier=any - central, provincial, district, commune, private, foreign, or any
// columns: province tier organisation name kind organisation_tier located_in
MATCH (o:Organisation)
WHERE (o.province = $province OR o.province_2025 = $province) AND ($tier = 'any' OR o.tier = $tier)
RETURN $province AS province, $tier AS tier, o.id AS organisation, o.name AS name, o.kind AS kind,
       o.tier AS organisation_tier, o.province AS located_in
ORDER BY organisation
