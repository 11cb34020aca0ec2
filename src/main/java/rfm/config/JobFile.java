package rfm.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import rfm.classify.ChurnRules;
import rfm.classify.CustomerClassifier;
import rfm.classify.InteractionTiers;
import rfm.classify.LifecycleRules;
import rfm.classify.SegmentRule;
import rfm.classify.SegmentTable;
import rfm.classify.ValueTier;
import rfm.classify.ValueTiers;
import rfm.ingest.DateTimeText;
import rfm.ingest.IngestSettings;
import rfm.ingest.InputFile;
import rfm.measure.MeasureSettings;
import rfm.measure.NeedCategory;
import rfm.measure.NeedKeywords;
import rfm.revisit.RevisitPlanner;
import rfm.revisit.RevisitSettings;

/**
 * A job file ({@code jobs/*.yml}): every rule, threshold and window of a run, checked when it is loaded.
 * Keys are written in kebab-case, e.g. {@code churn-risk.overdue-min-purchase-days}.
 */
public record JobFile(String timeZone, CurrencySettings currency, StatusSettings statuses, List<String> dateFormats,
                      InputSettings inputs, Integer maxIdLength, RejectLimit rejectLimit, Windows windows, Scoring scoring, LifecycleRules lifecycle,
                      ChurnRules churnRisk, InteractionTiers interactionTiers, List<ValueTier> valueTiers,
                      List<SegmentRule> segments, Map<NeedCategory, List<String>> needKeywords,
                      RevisitSettings revisit, OutputSettings outputs, ReportSettings report,
                      Operations operations) {

    public JobFile {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("time-zone: '" + timeZone + "' is not a time zone such as Asia/Shanghai");
        }
        if (dateFormats == null || valueTiers == null || segments == null || inputs == null || rejectLimit == null) {
            throw new IllegalArgumentException("date-formats, inputs, reject-limit, value-tiers and segments are required");
        }
        if (maxIdLength == null || maxIdLength < 1) {
            throw new IllegalArgumentException("max-id-length must be at least 1");
        }
        for (InputFile file : InputFile.values()) {
            InputFileSettings in = inputs.of(file);
            String key = "inputs." + file.name().toLowerCase(java.util.Locale.ROOT);
            for (String field : in.columns().keySet()) {
                if (!file.requiredFields().contains(field) && !file.optionalFields().contains(field)) {
                    throw new IllegalArgumentException(key + ".columns: " + field + " is not a field of " + file.fileName()
                            + " (fields: " + String.join(", ", file.requiredFields()) + ", "
                            + String.join(", ", file.optionalFields()) + ")");
                }
            }
            checked(key + ".date-formats", in.dateFormats(), f -> {
                if (!f.isEmpty()) {
                    new DateTimeText(f);
                }
            });
        }
        dateFormats = List.copyOf(dateFormats);
        valueTiers = List.copyOf(valueTiers);
        segments = List.copyOf(segments);
        needKeywords = needKeywords == null ? Map.of() : Map.copyOf(needKeywords);
        checked("date-formats", dateFormats, DateTimeText::new);
        checked("value-tiers", valueTiers, ValueTiers::new);
        checked("segments", segments, SegmentTable::new);
        if (revisit == null || outputs == null || report == null || operations == null) {
            throw new IllegalArgumentException("revisit, outputs, report and operations are required");
        }
        Set<String> tiers = valueTiers.stream().map(ValueTier::code).collect(Collectors.toSet());
        Set<String> codes = segments.stream().map(SegmentRule::code).collect(Collectors.toSet());
        for (String tier : revisit.namedTiers()) {
            if (!tiers.contains(tier)) {
                throw new IllegalArgumentException("revisit.rules: value tier " + tier + " is not one of value-tiers " + tiers);
            }
        }
        for (String code : revisit.namedSegments()) {
            if (!codes.contains(code)) {
                throw new IllegalArgumentException("revisit.rules: segment " + code + " is not in the segment table");
            }
        }
    }

    private static <T> void checked(String key, T value, java.util.function.Consumer<T> check) {
        try {
            check.accept(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** How the rows of one input are read: its date and amount formats, the job's statuses and currency. */
    public IngestSettings ingestSettings(InputFile file) {
        InputFileSettings in = inputs.of(file);
        return new IngestSettings(new LinkedHashSet<>(statuses.counted()), new LinkedHashSet<>(statuses.uncounted()),
                currency.code(), currency.rates(), new DateTimeText(in.dateFormats().isEmpty() ? dateFormats : in.dateFormats()),
                in.amountFormat(), maxIdLength);
    }

    /** The reject limit of one input: its own, or the job's. */
    public RejectLimit rejectLimit(InputFile file) {
        RejectLimit own = inputs.of(file).rejectLimit();
        return own != null ? own : rejectLimit;
    }

    public MeasureSettings measureSettings(LocalDate asOf) {
        return new MeasureSettings(asOf, windows.monetaryDays(), churnRisk.decliningWindowDays(),
                windows.interactionsDays(), windows.needDays(), new NeedKeywords(needKeywords));
    }

    public SegmentTable segmentTable() {
        return new SegmentTable(segments);
    }

    public RevisitPlanner revisitPlanner(LocalDate asOf) {
        return new RevisitPlanner(revisit, asOf);
    }

    public CustomerClassifier classifier(LocalDate asOf) {
        return new CustomerClassifier(scoring.scorer(), segmentTable(), new ValueTiers(valueTiers), interactionTiers,
                lifecycle, churnRisk, asOf);
    }
}
