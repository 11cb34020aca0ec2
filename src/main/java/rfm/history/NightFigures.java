package rfm.history;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import rfm.classify.ScoredCustomer;

/**
 * A night's headline figures, recorded with the night so that the next one can show what changed.
 *
 * @param revenue the customers' monetary summed (the monetary window's revenue), to the cent
 * @param tasks revisit tasks issued (scheduled)
 * @param rejects rows listed in the rejects files
 */
public record NightFigures(long customers, long buyers, long prospects, BigDecimal revenue, long churnRisk, long tasks,
                           long rejects) {

    public NightFigures {
        revenue = revenue.setScale(2, RoundingMode.HALF_UP);
    }

    public static NightFigures of(List<ScoredCustomer> customers, long tasks, long rejects) {
        long buyers = 0;
        long churnRisk = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (ScoredCustomer c : customers) {
            if (c.measures().buyer()) {
                buyers++;
            }
            if (c.churnRisk()) {
                churnRisk++;
            }
            revenue = revenue.add(c.measures().monetary());
        }
        return new NightFigures(customers.size(), buyers, customers.size() - buyers, revenue, churnRisk, tasks, rejects);
    }
}
