CREATE INDEX ix_record_kana ON resident_record (kana_search, latest);
CREATE INDEX ix_record_name ON resident_record (name_search, latest);
CREATE INDEX ix_record_address ON resident_record (address, latest);
