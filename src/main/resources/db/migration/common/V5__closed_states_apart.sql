-- Closed stretches keyed apart from open ones (see docs/history.md and docs/performance.md): a stretch's state_id is
-- positive while it holds (valid_to NULL) and negated when it is closed, and undoing a close negates it back. A
-- night's comparison with the latest recorded night reads the open stretches only (state_id > 0, a range of the
-- key) instead of every stretch ever written, so its read no longer grows with the length of the history.
UPDATE rfm_customer_state SET state_id = -state_id WHERE valid_to IS NOT NULL AND state_id > 0;
