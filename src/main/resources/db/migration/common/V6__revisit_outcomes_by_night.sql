-- The revisit follow-ups without reading every task ever issued (see docs/history.md and docs/performance.md).
--
-- Each night's decided outcomes summed per reason, channel and owner: revisit_effectiveness.csv adds these up
-- instead of every decided task (a year of 12,600 tasks a night is 4.6 million rows; summing them took 6 s a night).
-- Written with the night (HistoryStore.recordNight), replaced with it on a rerun.
CREATE TABLE rfm_revisit_outcome (
    evaluated_on  DATE           NOT NULL,
    reason        VARCHAR        NOT NULL,
    channel       VARCHAR        NOT NULL,
    owner         VARCHAR        NOT NULL,
    tasks         BIGINT         NOT NULL,
    converted     BIGINT         NOT NULL,
    orders_after  BIGINT         NOT NULL,
    revenue_after DECIMAL(38, 10) NOT NULL,
    first_issued  DATE           NOT NULL,
    last_issued   DATE           NOT NULL,
    PRIMARY KEY (evaluated_on, reason, channel, owner)
);
INSERT INTO rfm_revisit_outcome (evaluated_on, reason, channel, owner, tasks, converted, orders_after, revenue_after,
                                 first_issued, last_issued)
SELECT evaluated_on, reason, channel, owner, COUNT(*), SUM(CASE WHEN converted THEN 1 ELSE 0 END),
       SUM(orders_after), SUM(revenue_after), MIN(issued_on), MAX(issued_on)
FROM rfm_revisit_task WHERE evaluated_on IS NOT NULL
GROUP BY evaluated_on, reason, channel, owner;

-- The tasks a night follows up (not yet decided and due long enough ago, or decided by this night or a later one)
-- found by one index on (evaluated_on, due_date) instead of a range of every task due before a date: with the
-- separate due_date index H2 chose that range (a year's tasks, 9.6 s) for a result of a few thousand rows.
DROP INDEX rfm_revisit_task_due_date;
DROP INDEX rfm_revisit_task_evaluated_on;
CREATE INDEX rfm_revisit_task_follow_up ON rfm_revisit_task (evaluated_on, due_date);
