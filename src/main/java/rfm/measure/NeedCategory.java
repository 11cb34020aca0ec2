package rfm.measure;

/** What a customer has been asking about (客户需求); the order breaks ties. */
public enum NeedCategory {
    PRODUCT, SERVICE, INFO, PRICE
}
