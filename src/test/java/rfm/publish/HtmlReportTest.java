package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rfm.config.ReportSettings;
import tools.jackson.databind.json.JsonMapper;

class HtmlReportTest {

    @Test
    void chartDataCannotEndItsScriptElementAndReadsBackUnchanged() {
        String hostile = "</script><script>alert('x')</script> <!-- & \u2028 王芳";
        String json = HtmlReport.scriptJson(Map.of("owners", List.of(hostile)));
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
                .contains("王芳");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> back = JsonMapper.builder().build().readValue(json, Map.class);
        assertThat(back.get("owners")).containsExactly(hostile);
    }

    @Test
    void theEmptyReportThatReadiesTheEngineRendersInBothLanguages() {
        for (String language : List.of("zh", "en")) {
            StringWriter out = new StringWriter();
            new HtmlReport(new ReportSettings(language, 10), "", null).renderEmpty(out);
            assertThat(out.toString()).startsWith("<!DOCTYPE html>").contains("</html>")
                    .contains(language.equals("zh") ? "lang=\"zh-CN\"" : "lang=\"en\"");
        }
    }
}
