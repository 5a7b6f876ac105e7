-- How long the assistant's staff analytics take on a large question log (PostgreSQL).
-- Loads 1,000,000 turns of one tenant over 366 days (60 % answers, 20 % candidates of which half were picked,
-- 10 % no answer, 10 % small talk; 5,000 different wordings; a vote on every 7th answer), then runs each query
-- of AssistantAnalytics for the last 30 and the last 366 days, and removes the rows again.
--   psql -h 127.0.0.1 -U postgres -d <database migrated by the application> -f bench/assistant-analytics-bench.sql
\set ON_ERROR_STOP on
\timing on
DELETE FROM assistant_feedback WHERE tenant_id = 'bench-analytics';
DELETE FROM assistant_turn WHERE tenant_id = 'bench-analytics';
DELETE FROM assistant_resolution WHERE tenant_id = 'bench-analytics';

INSERT INTO assistant_turn (id, tenant_id, channel, asked_at, asked_on, text, text_key, kind, entry_id, confidence,
    candidates, picked_from)
SELECT 'b' || g, 'bench-analytics', (ARRAY['WIDGET','PAGE','LINE','API'])[1 + g % 4], ts,
    (ts AT TIME ZONE 'Asia/Tokyo')::date, 'question ' || (g % 5000), 'QUESTION' || (g % 5000),
    CASE WHEN g % 10 < 6 THEN 'ANSWER' WHEN g % 10 < 8 THEN 'CANDIDATES' WHEN g % 10 < 9 THEN 'NONE' ELSE 'SMALLTALK' END,
    CASE WHEN g % 10 < 8 THEN 'e-' || (g % 300) END, 0.5, NULL, NULL
FROM (SELECT g, now() - (g % 366) * interval '1 day' - (g % 86400) * interval '1 second' AS ts
      FROM generate_series(1, 1000000) g) x;
-- picks of half the candidates turns
INSERT INTO assistant_turn (id, tenant_id, channel, asked_at, asked_on, text, text_key, kind, entry_id, confidence,
    candidates, picked_from)
SELECT 'p' || substr(id, 2), tenant_id, channel, asked_at, asked_on, text, text_key, 'ANSWER', entry_id, 1.0, NULL, id
FROM assistant_turn WHERE tenant_id = 'bench-analytics' AND kind = 'CANDIDATES' AND substr(id, 2)::int % 20 = 6;
INSERT INTO assistant_feedback (turn_id, tenant_id, entry_id, helpful, given_at)
SELECT id, tenant_id, entry_id, substr(id, 2)::int % 3 <> 0, asked_at
FROM assistant_turn WHERE tenant_id = 'bench-analytics' AND kind = 'ANSWER' AND substr(id, 2)::int % 7 = 0;
INSERT INTO assistant_resolution (tenant_id, text_key, action, entry_id, resolved_at, resolved_by)
SELECT 'bench-analytics', 'QUESTION' || g, 'DISMISSED', NULL, now() - interval '10 days', 'bench'
FROM generate_series(0, 4999, 10) g;
ANALYZE assistant_turn;
ANALYZE assistant_feedback;
ANALYZE assistant_resolution;
SELECT COUNT(*) AS turns FROM assistant_turn WHERE tenant_id = 'bench-analytics';

\set tenant '''bench-analytics'''
\set days 30
\echo === range: last :days days
\ir assistant-analytics-queries.sql
\set days 366
\echo === range: last :days days
\ir assistant-analytics-queries.sql

DELETE FROM assistant_feedback WHERE tenant_id = 'bench-analytics';
DELETE FROM assistant_turn WHERE tenant_id = 'bench-analytics';
DELETE FROM assistant_resolution WHERE tenant_id = 'bench-analytics';
