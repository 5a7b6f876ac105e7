-- Kana/name/address prefix search with ORDER BY served by one index: under the "C" collation a
-- btree both answers LIKE 'ヤマ%' and returns rows in order, so a LIMIT stops after a page instead of
-- sorting every match. Katakana in code-point order is gojūon order.
DROP INDEX ix_record_kana;
DROP INDEX ix_record_name;
DROP INDEX ix_record_address;
ALTER TABLE resident_record ALTER COLUMN kana_search TYPE VARCHAR(240) COLLATE "C";
ALTER TABLE resident_record ALTER COLUMN name_search TYPE VARCHAR(240) COLLATE "C";
ALTER TABLE resident_record ALTER COLUMN address TYPE VARCHAR(200) COLLATE "C";
CREATE INDEX ix_record_kana ON resident_record (kana_search, atena_number) WHERE latest;
CREATE INDEX ix_record_name ON resident_record (name_search, atena_number) WHERE latest;
CREATE INDEX ix_record_address ON resident_record (address, atena_number) WHERE latest;
