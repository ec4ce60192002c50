ALTER TABLE harness_probe ADD COLUMN note TEXT;
UPDATE harness_probe SET note = 'migrated' WHERE label = 'second';
