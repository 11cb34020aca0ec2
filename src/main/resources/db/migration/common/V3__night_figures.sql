-- A recorded night's headline figures, for the report's "change since the previous run".
-- Nights recorded before this migration keep NULLs: the report shows no change against them.
ALTER TABLE rfm_history_run ADD COLUMN buyers INTEGER;
ALTER TABLE rfm_history_run ADD COLUMN prospects INTEGER;
ALTER TABLE rfm_history_run ADD COLUMN monetary_total DECIMAL(38, 2);
ALTER TABLE rfm_history_run ADD COLUMN churn_risk INTEGER;
ALTER TABLE rfm_history_run ADD COLUMN rejected_rows BIGINT;
