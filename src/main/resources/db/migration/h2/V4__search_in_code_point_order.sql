-- H2 compares strings by code point: an index that ends with atena_number returns a search page in order.
DROP INDEX ix_record_kana;
DROP INDEX ix_record_name;
DROP INDEX ix_record_address;
CREATE INDEX ix_record_kana ON resident_record (kana_search, atena_number);
CREATE INDEX ix_record_name ON resident_record (name_search, atena_number);
CREATE INDEX ix_record_address ON resident_record (address, atena_number);
