-- Night-over-night history (see docs/history.md).

-- One row per as-of date whose results were recorded.
CREATE TABLE rfm_history_run (
    as_of        DATE      NOT NULL PRIMARY KEY,
    customers    INTEGER   NOT NULL,
    changes      INTEGER   NOT NULL,
    tasks        INTEGER   NOT NULL,
    recorded_at  TIMESTAMP NOT NULL
);

-- A customer's state, one row per stretch of nights it stayed the same: valid from valid_from (inclusive) to
-- valid_to (exclusive; NULL while it still holds). A night that changes nothing adds no row.
CREATE TABLE rfm_customer_state (
    customer_id     VARCHAR   NOT NULL,
    valid_from      DATE      NOT NULL,
    valid_to        DATE,
    segment         VARCHAR   NOT NULL,
    lifecycle_stage VARCHAR   NOT NULL,
    value_tier      VARCHAR,
    r_score         SMALLINT,
    f_score         SMALLINT,
    m_score         SMALLINT,
    churn_risk      BOOLEAN   NOT NULL,
    segment_since   DATE      NOT NULL,
    PRIMARY KEY (customer_id, valid_from)
);
-- No other index: a million customers make every index cost seconds on the first night (read with a scan).

-- The nights whose customer states are written but not yet recorded (they are written beside the output files,
-- and the night is recorded when its folder is published); the next write undoes them first.
CREATE TABLE rfm_history_pending (
    as_of DATE NOT NULL PRIMARY KEY
);

-- Every revisit task issued (scheduled), and once its follow-up window has passed, what came of it.
CREATE TABLE rfm_revisit_task (
    task_id       VARCHAR        NOT NULL PRIMARY KEY,
    issued_on     DATE           NOT NULL,
    customer_id   VARCHAR        NOT NULL,
    reason        VARCHAR        NOT NULL,
    channel       VARCHAR        NOT NULL,
    owner         VARCHAR        NOT NULL,
    priority      INTEGER        NOT NULL,
    due_date      DATE           NOT NULL,
    evaluated_on  DATE,
    converted     BOOLEAN,
    orders_after  INTEGER,
    revenue_after DECIMAL(38, 10)
);
CREATE INDEX rfm_revisit_task_issued_on ON rfm_revisit_task (issued_on);
CREATE INDEX rfm_revisit_task_due_date ON rfm_revisit_task (due_date);
CREATE INDEX rfm_revisit_task_evaluated_on ON rfm_revisit_task (evaluated_on);
