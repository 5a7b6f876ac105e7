-- The assistant's analytics: whether a CANDIDATES turn was followed by a pick is asked for every such turn
-- of a date range (answered vs. unsure, the unanswered log), so the pick turns are found by the turn they
-- came from.
CREATE INDEX ix_assistant_turn_picked ON assistant_turn (picked_from);
