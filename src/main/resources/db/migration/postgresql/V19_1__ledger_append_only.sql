-- Defence in depth, as for the access log: the application's role cannot rewrite the log's history. A superuser
-- can still switch the triggers off; `bin/madoguchi ledger verify` recomputes everything and finds such edits.
CREATE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.idx IS NULL AND NEW.idx IS NOT NULL AND NEW.id = OLD.id AND NEW.kind = OLD.kind
            AND NEW.reference = OLD.reference AND NEW.entry = OLD.entry AND NEW.leaf_hash = OLD.leaf_hash
            AND NEW.queued_at = OLD.queued_at THEN
        RETURN NEW; -- sequencing: the one change an entry ever gets
    END IF;
    RAISE EXCEPTION 'ledger_entry is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

CREATE FUNCTION ledger_tile_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.width < 256 AND EXISTS (SELECT 1 FROM ledger_tile t WHERE t.level = OLD.level
            AND t.idx = OLD.idx AND t.width > OLD.width) THEN
        RETURN OLD; -- a partial tile superseded by a wider one
    END IF;
    RAISE EXCEPTION 'ledger_tile is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_tile_no_update BEFORE UPDATE OR DELETE ON ledger_tile
    FOR EACH ROW EXECUTE FUNCTION ledger_tile_append_only();

CREATE FUNCTION ledger_checkpoint_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_checkpoint is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_checkpoint_no_update BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_checkpoint_append_only();

-- the sequencer looks for queued entries only
CREATE INDEX ix_ledger_entry_queued ON ledger_entry (id) WHERE idx IS NULL;
