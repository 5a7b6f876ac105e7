-- Defence in depth, as for the access log: the application's role cannot rewrite the log's history. A superuser
-- can still switch the triggers off; `bin/madoguchi ledger verify` recomputes everything and finds such edits.
CREATE FUNCTION ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

-- entries are never changed: sequencing writes ledger_leaf and ledger_queue, not the entry row
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_leaf_no_update BEFORE UPDATE OR DELETE ON ledger_leaf
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

CREATE TRIGGER ledger_queue_no_update BEFORE UPDATE ON ledger_queue
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- A queued entry leaves the queue only when it has an index: checked once per statement (a row trigger would
-- cost a probe per sequenced entry), so that no entry silently drops out of the log.
CREATE FUNCTION ledger_queue_sequenced_only() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM removed r WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.entry_id = r.entry_id)) THEN
        RAISE EXCEPTION 'ledger_queue: only sequenced entries may leave the queue';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_queue_delete_sequenced AFTER DELETE ON ledger_queue
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ledger_queue_sequenced_only();

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

CREATE TRIGGER ledger_checkpoint_no_update BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- The database queues every new entry itself, once per INSERT statement, so that a batched append is one multi-row
-- INSERT with no ids sent back and forth (on H2 the application inserts the queue rows).
CREATE FUNCTION ledger_entry_enqueue() RETURNS trigger AS $$
BEGIN
    INSERT INTO ledger_queue (entry_id) SELECT id FROM added;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entry_queued AFTER INSERT ON ledger_entry
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_enqueue();
