package rfm.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a realistic shop of any size for benchmarks: the three input files, seeded and deterministic.
 * Heavy-tailed orders per customer (most buy once, a few hundreds of times), about a tenth prospects, last
 * purchases from days to years ago, log-normal amounts, about 90% PAID, Chinese names, surveys with
 * satisfaction, owners and opt-outs. No bad rows: it measures speed, not rejects.
 */
public final class ShopGenerator {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "欧阳", "司马"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
            "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "建华", "晓东", "雪梅"};
    private static final String[] OWNERS = {"李娜", "陈静", "刘洋", "赵磊", "孙丽", "王强", "周敏", "吴杰", "郑华", "黄涛",
            "林平", "何刚", "高明", "罗超", "梁艳", "谢娟", "宋军", "唐勇", "徐晓东", "马雪梅"};
    private static final String[] REGIONS = {"华东", "华南", "华北", "西南", "华中", "西北", "东北"};
    private static final String[] INDUSTRIES = {"零售", "制造", "餐饮", "物流", "教育", "医疗", "贸易", "个人"};
    private static final String[] CHANNELS = {"PHONE", "WECHAT", "EMAIL", "VISIT", "DM", ""};
    private static final String[] TOPICS = {"产品咨询", "新品试用", "售后维修", "退换货", "投诉", "行业资讯", "展会邀请", "报价",
            "折扣活动", "价格咨询", "", ""};
    private static final String[] INTERACTION_CHANNELS = {"PHONE", "WECHAT", "EMAIL", "VISIT", "DM", "SURVEY"};

    private final long customers;
    private final long orders;
    private final long interactions;
    private final long seed;

    public ShopGenerator(long customers, long orders, long interactions, long seed) {
        if (customers < 1 || orders < 0 || interactions < 0) {
            throw new IllegalArgumentException("need at least one customer and no negative counts");
        }
        this.customers = customers;
        this.orders = orders;
        this.interactions = interactions;
        this.seed = seed;
    }

    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        SplittableRandom random = new SplittableRandom(seed);
        int n = Math.toIntExact(customers);
        int buyers = Math.max(1, (int) (n * 0.9));
        // customer ids in a shuffled order, so activity does not follow the id
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i + 1;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        writeOrders(folder.resolve("orders.csv"), random, ids, buyers);
        writeInteractions(folder.resolve("interactions.csv"), random, n, buyers, ids);
        writeCustomers(folder.resolve("customers.csv"), random, n);
    }

    private void writeOrders(Path file, SplittableRandom random, int[] ids, int buyers) throws IOException {
        // orders per buyer: one each, the rest by a Pareto weight (capped): most buy once, a few hundreds of times
        double[] weight = new double[buyers];
        double total = 0;
        for (int b = 0; b < buyers; b++) {
            weight[b] = Math.min(400, Math.pow(1 - random.nextDouble(), -1 / 1.15) - 1);
            total += weight[b];
        }
        long extra = Math.max(0, orders - buyers);
        int[] count = new int[buyers];
        long assigned = 0;
        for (int b = 0; b < buyers && assigned < orders; b++) {
            count[b] = 1 + (int) Math.floor(extra * weight[b] / total);
            assigned += count[b];
        }
        for (int b = 0; assigned < orders; b = (b + 1) % buyers) {
            count[b]++;
            assigned++;
        }
        // each buyer has a last purchase from days to years ago and buys between its first and last day
        long[] rows = new long[Math.toIntExact(Math.min(orders, assigned))];
        int[] customerOf = new int[rows.length];
        int[] dayOf = new int[rows.length];
        int r = 0;
        int today = (int) AS_OF.toEpochDay();
        for (int b = 0; b < buyers && r < rows.length; b++) {
            double u = random.nextDouble();
            int last = today - (u < 0.4 ? random.nextInt(91) : u < 0.7 ? 91 + random.nextInt(275) : 366 + random.nextInt(1100));
            int span = count[b] == 1 ? 0 : 30 + random.nextInt(900);
            for (int k = 0; k < count[b] && r < rows.length; k++, r++) {
                customerOf[r] = ids[b];
                dayOf[r] = k == 0 ? last : last - random.nextInt(span + 1);
                rows[r] = ((long) dayOf[r] << 32) | r; // sort by day: exports come in date order
            }
        }
        Arrays.sort(rows);
        try (Writer w = writer(file)) {
            w.write("order_id,customer_id,order_date,amount,currency,status\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < rows.length; i++) {
                int row = (int) rows[i];
                line.setLength(0);
                line.append("SO").append(10_000_000 + i).append(",C").append(pad(customerOf[row])).append(',');
                LocalDate day = LocalDate.ofEpochDay(dayOf[row]);
                line.append(day);
                if (random.nextBoolean()) {
                    line.append(' ').append(two(random.nextInt(24))).append(':').append(two(random.nextInt(60))).append(':')
                            .append(two(random.nextInt(60)));
                }
                long cents = Math.max(100, Math.round(Math.exp(5.5 + random.nextGaussian()) * 100));
                line.append(',').append(cents / 100).append('.').append(two((int) (cents % 100)));
                line.append(random.nextInt(10) == 0 ? "," : ",CNY");
                int s = random.nextInt(100);
                line.append(s < 90 ? ",PAID\n" : s < 95 ? ",COMPLETED\n" : s < 98 ? ",REFUNDED\n" : ",CANCELLED\n");
                w.append(line);
            }
        }
    }

    private void writeInteractions(Path file, SplittableRandom random, int n, int buyers, int[] ids) throws IOException {
        try (Writer w = writer(file)) {
            w.write("interaction_id,customer_id,occurred_at,channel,direction,satisfaction,topic\n");
            StringBuilder line = new StringBuilder(96);
            for (long i = 0; i < interactions; i++) {
                line.setLength(0);
                // mostly buyers, skewed to the active ones; some prospects ask too
                int customer = random.nextInt(10) < 8 ? ids[(int) (buyers * Math.pow(random.nextDouble(), 2))] : ids[random.nextInt(n)];
                String channel = INTERACTION_CHANNELS[random.nextInt(INTERACTION_CHANNELS.length)];
                LocalDate day = AS_OF.minusDays(random.nextInt(400));
                line.append("IA").append(10_000_000 + i).append(",C").append(pad(customer)).append(',').append(day).append(' ')
                        .append(two(8 + random.nextInt(12))).append(':').append(two(random.nextInt(60))).append(":00,")
                        .append(channel).append(',').append(random.nextBoolean() ? "OUT" : "IN").append(',');
                if (channel.equals("SURVEY")) {
                    int s = random.nextInt(10);
                    line.append(s < 1 ? 1 : s < 2 ? 2 : s < 4 ? 3 : s < 7 ? 4 : 5);
                }
                line.append(',').append(TOPICS[random.nextInt(TOPICS.length)]).append('\n');
                w.append(line);
            }
        }
    }

    private void writeCustomers(Path file, SplittableRandom random, int n) throws IOException {
        try (Writer w = writer(file)) {
            w.write("customer_id,name,phone,email,company,industry,region,owner,preferred_channel,opt_out,created_at\n");
            StringBuilder line = new StringBuilder(160);
            for (int c = 1; c <= n; c++) {
                line.setLength(0);
                String id = pad(c);
                line.append('C').append(id).append(',').append(SURNAMES[random.nextInt(SURNAMES.length)])
                        .append(GIVEN[random.nextInt(GIVEN.length)]).append(',')
                        .append("13").append(100_000_000 + random.nextInt(900_000_000)).append(',');
                if (random.nextInt(3) > 0) {
                    line.append('c').append(id).append("@example.cn");
                }
                line.append(",,").append(INDUSTRIES[random.nextInt(INDUSTRIES.length)]).append(',')
                        .append(REGIONS[random.nextInt(REGIONS.length)]).append(',')
                        .append(random.nextInt(20) == 0 ? "" : OWNERS[random.nextInt(OWNERS.length)]).append(',')
                        .append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',')
                        .append(random.nextInt(33) == 0 ? "是" : "否").append(',')
                        .append(AS_OF.minusDays(random.nextInt(2000))).append('\n');
                w.append(line);
            }
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
    }

    private static String pad(int id) {
        String s = Integer.toString(id);
        return "0".repeat(Math.max(0, 7 - s.length())) + s;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** {@code generate --customers N --orders N --interactions N --out DIR [--seed S]}. */
    public static int main(String... args) {
        long customers = 10_000;
        long orders = 100_000;
        long interactions = 50_000;
        long seed = 42;
        Path out = null;
        try {
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--customers" -> customers = Long.parseLong(value);
                    case "--orders" -> orders = Long.parseLong(value);
                    case "--interactions" -> interactions = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is required");
            }
            new ShopGenerator(customers, orders, interactions, seed).write(out);
            System.out.println("Generated " + customers + " customers, " + orders + " orders, " + interactions
                    + " interactions in " + out);
            return 0;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            System.err.println("generate: " + e.getMessage() + "\nusage: generate --customers N --orders N --interactions N"
                    + " --out DIR [--seed S]");
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
