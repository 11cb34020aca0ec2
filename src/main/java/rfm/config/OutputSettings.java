package rfm.config;

/**
 * How output CSVs are written.
 *
 * @param analystBom start analyst files (customers_scored.csv, rejects) with a UTF-8 BOM so Excel shows Chinese
 * @param crmBom the same for the CRM segment files (many importers want none)
 * @param crmNeutraliseFormulas also neutralise formula-like values in CRM segment files (always done in analyst files)
 */
public record OutputSettings(Boolean analystBom, Boolean crmBom, Boolean crmNeutraliseFormulas) {

    public OutputSettings {
        if (analystBom == null || crmBom == null || crmNeutraliseFormulas == null) {
            throw new IllegalArgumentException("analyst-bom, crm-bom and crm-neutralise-formulas must each be true or false");
        }
    }
}
