-- Two secondary indexes that no query uses, each one more b-tree written for every row an import adds
-- (EXPLAIN QUERY PLAN of every statement that names their columns): interactions_day (the audit scans
-- all interactions, a person's page starts from their contacts) and connections_network_seen (a
-- connection import finds its network's rows through UNIQUE (network, external_key) just as fast).
DROP INDEX IF EXISTS interactions_day;
DROP INDEX IF EXISTS connections_network_seen;
