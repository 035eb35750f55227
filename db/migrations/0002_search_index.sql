-- Full-text search over localities for /soeg (issue 4). Hand-written: drizzle cannot declare
-- virtual tables (drizzle-orm#2046), so these objects are not in the drizzle snapshots.
--
-- Every locality has one row in `search_index`, kept current by triggers inside the importer's own
-- transaction, so search never lags the register. Which rows a citizen may see (published, active)
-- is decided at query time by joining `localities`.
--
-- Folding, so case, "aa"/"å" and missing diacritics do not matter: the text is lower-cased
-- (ASCII by lower(), the rest by the tokenizer), æ → ae, ø → o, å → a, then aa → a and oe → o;
-- the tokenizer removes the remaining diacritics (é → e, ü → u). The query is folded the same way
-- by src/lib/domain/public/search-text.ts; a test pins the two together.
--
-- `search_keys` gives every SOR-ID a stable integer rowid (VACUUM may renumber the implicit rowid
-- of `localities`, whose key is text). The triggers avoid INSERT OR IGNORE: inside a trigger the
-- conflict clause is overridden by the importer's own statement (an upsert), so they test first.
CREATE TABLE `search_keys` (
	`id` integer PRIMARY KEY NOT NULL,
	`sor_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_keys_sor_id_idx` ON `search_keys` (`sor_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
	name,
	provider,
	address,
	place,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIEW `search_documents` AS
SELECT
	l.sor_id AS sor_id,
	replace(replace(replace(replace(replace(replace(replace(replace(lower(
		e.name
	), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'å', 'a'), 'Å', 'a'), 'aa', 'a'), 'oe', 'o') AS name,
	replace(replace(replace(replace(replace(replace(replace(replace(lower(
		coalesce(p.name, '')
	), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'å', 'a'), 'Å', 'a'), 'aa', 'a'), 'oe', 'o') AS provider,
	replace(replace(replace(replace(replace(replace(replace(replace(lower(
		coalesce(e.visiting_street, '') || ' ' || coalesce(e.visiting_house_number, '') || ' ' ||
		coalesce(e.visiting_postcode, '') || ' ' || coalesce(e.visiting_district, '')
	), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'å', 'a'), 'Å', 'a'), 'aa', 'a'), 'oe', 'o') AS address,
	replace(replace(replace(replace(replace(replace(replace(replace(lower(
		coalesce(m.name, '') || ' ' || l.sor_id
	), 'æ', 'ae'), 'Æ', 'ae'), 'ø', 'o'), 'Ø', 'o'), 'å', 'a'), 'Å', 'a'), 'aa', 'a'), 'oe', 'o') AS place
FROM `localities` l
JOIN `sor_entities` e ON e.sor_id = l.sor_id
LEFT JOIN `providers` p ON p.id = l.provider_id
LEFT JOIN `municipalities` m ON m.code = coalesce(l.location_municipality_code, e.visiting_municipality_code);
--> statement-breakpoint
CREATE TRIGGER `search_localities_insert` AFTER INSERT ON `localities` BEGIN
	INSERT INTO `search_keys` (sor_id)
		SELECT NEW.sor_id WHERE NOT EXISTS (SELECT 1 FROM `search_keys` WHERE sor_id = NEW.sor_id);
	DELETE FROM `search_index` WHERE rowid = (SELECT id FROM `search_keys` WHERE sor_id = NEW.sor_id);
	INSERT INTO `search_index` (rowid, name, provider, address, place)
		SELECT k.id, d.name, d.provider, d.address, d.place
		FROM `search_documents` d JOIN `search_keys` k ON k.sor_id = d.sor_id
		WHERE d.sor_id = NEW.sor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_localities_update` AFTER UPDATE OF sor_id, provider_id, location_municipality_code ON `localities` BEGIN
	INSERT INTO `search_keys` (sor_id)
		SELECT NEW.sor_id WHERE NOT EXISTS (SELECT 1 FROM `search_keys` WHERE sor_id = NEW.sor_id);
	DELETE FROM `search_index` WHERE rowid = (SELECT id FROM `search_keys` WHERE sor_id = OLD.sor_id);
	DELETE FROM `search_index` WHERE rowid = (SELECT id FROM `search_keys` WHERE sor_id = NEW.sor_id);
	INSERT INTO `search_index` (rowid, name, provider, address, place)
		SELECT k.id, d.name, d.provider, d.address, d.place
		FROM `search_documents` d JOIN `search_keys` k ON k.sor_id = d.sor_id
		WHERE d.sor_id = NEW.sor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_localities_delete` AFTER DELETE ON `localities` BEGIN
	DELETE FROM `search_index` WHERE rowid = (SELECT id FROM `search_keys` WHERE sor_id = OLD.sor_id);
	DELETE FROM `search_keys` WHERE sor_id = OLD.sor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_entities_update` AFTER UPDATE OF name, visiting_street, visiting_house_number, visiting_postcode, visiting_district, visiting_municipality_code ON `sor_entities`
WHEN EXISTS (SELECT 1 FROM `localities` WHERE sor_id = NEW.sor_id) BEGIN
	DELETE FROM `search_index` WHERE rowid = (SELECT id FROM `search_keys` WHERE sor_id = NEW.sor_id);
	INSERT INTO `search_index` (rowid, name, provider, address, place)
		SELECT k.id, d.name, d.provider, d.address, d.place
		FROM `search_documents` d JOIN `search_keys` k ON k.sor_id = d.sor_id
		WHERE d.sor_id = NEW.sor_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_providers_update` AFTER UPDATE OF name ON `providers`
WHEN NEW.name IS NOT OLD.name BEGIN
	DELETE FROM `search_index` WHERE rowid IN (
		SELECT k.id FROM `search_keys` k JOIN `localities` l ON l.sor_id = k.sor_id
		WHERE l.provider_id = NEW.id
	);
	INSERT INTO `search_index` (rowid, name, provider, address, place)
		SELECT k.id, d.name, d.provider, d.address, d.place
		FROM `search_documents` d
		JOIN `search_keys` k ON k.sor_id = d.sor_id
		JOIN `localities` l ON l.sor_id = d.sor_id
		WHERE l.provider_id = NEW.id;
END;
--> statement-breakpoint
INSERT INTO `search_keys` (sor_id) SELECT sor_id FROM `localities`;
--> statement-breakpoint
INSERT INTO `search_index` (rowid, name, provider, address, place)
	SELECT k.id, d.name, d.provider, d.address, d.place
	FROM `search_documents` d JOIN `search_keys` k ON k.sor_id = d.sor_id;
