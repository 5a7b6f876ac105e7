-- Prefix search (LIKE 'ヤマ%') needs pattern_ops under a non-C collation; partial on the latest snapshot.
CREATE INDEX ix_record_kana ON resident_record (kana_search varchar_pattern_ops) WHERE latest;
CREATE INDEX ix_record_name ON resident_record (name_search varchar_pattern_ops) WHERE latest;
CREATE INDEX ix_record_address ON resident_record (address varchar_pattern_ops) WHERE latest;
CREATE UNIQUE INDEX ux_record_latest ON resident_record (atena_number) WHERE latest;
