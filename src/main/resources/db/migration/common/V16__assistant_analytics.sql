-- The assistant's analytics: whether a CANDIDATES turn was followed by a pick decides "answered" or "unsure" and
-- whether it belongs in the unanswered log, so the picks (the few turns with picked_from set) of a date range are
-- read for every report; this index finds them without reading every turn of the range.
CREATE INDEX ix_assistant_turn_picked ON assistant_turn (picked_from);
