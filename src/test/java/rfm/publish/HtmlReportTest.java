package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
