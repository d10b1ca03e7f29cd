-- Which import last saw each connection (and on which line), so that an import finds duplicates in
-- its own file and the connections its export no longer has without holding every key in memory.
ALTER TABLE connections ADD COLUMN seen_in_batch INTEGER;
ALTER TABLE connections ADD COLUMN seen_line INTEGER;
CREATE INDEX connections_network_seen ON connections(network, seen_in_batch);
