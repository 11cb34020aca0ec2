package rfm.classify;

/** Why a NEW, ACTIVE or LOYAL customer is flagged as a churn risk; the order is the order in outputs. */
public enum ChurnReason {
    OVERDUE, DECLINING, UNHAPPY
}
