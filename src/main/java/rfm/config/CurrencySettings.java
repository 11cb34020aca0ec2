package rfm.config;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The job's currency and, optionally, conversion rates from other currencies.
 *
 * @param rates amount in {@code code} for one unit of the keyed currency; empty means every order must be in {@code code}
 */
public record CurrencySettings(String code, Map<String, BigDecimal> rates) {

    public CurrencySettings {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("code must be a three-letter currency code such as CNY, was '" + code + "'");
        }
        rates = rates == null ? Map.of() : Map.copyOf(rates);
        rates.forEach((currency, rate) -> {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("rates." + currency + " must be above 0, was " + rate);
            }
        });
    }
}
