package dev.kbtool.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    @Test
    void defaultsDependOnTheProvider() {
        LlmSettings openai = LlmSettings.builder().model("gpt-x").build();
        assertThat(openai.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(openai.apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(openai.maxTokens()).isEqualTo(4096);
        assertThat(openai.onUnavailable()).isEqualTo(OnUnavailable.FAIL);

        LlmSettings anthropic = LlmSettings.builder().provider(LlmProvider.ANTHROPIC).model("claude-x").build();
        assertThat(anthropic.baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(anthropic.apiKeyEnv()).isEqualTo("ANTHROPIC_API_KEY");
        assertThat(LlmSettings.KEYS).hasSize(LlmSettings.class.getRecordComponents().length);
    }

    @Test
    void stagesFallBackToTheMainModel() {
        LlmSettings s = LlmSettings.builder().model("big").summarizeModel("small").baseUrl("http://localhost:11434/v1/")
                .build();
        assertThat(s.modelFor(Stage.SUMMARIZE)).isEqualTo("small");
        assertThat(s.modelFor(Stage.EXTRACT)).isEqualTo("big");
        assertThat(s.modelFor(Stage.MERGE)).isEqualTo("big");
        assertThat(s.baseUrl()).isEqualTo("http://localhost:11434/v1");
    }

    @Test
    void badValuesNameTheirKey() {
        assertBad(LlmSettings.builder(), "'llm.model' is required");
        assertBad(LlmSettings.builder().model("m").baseUrl("localhost:11434"), "'llm.base_url'");
        assertBad(LlmSettings.builder().model("m").apiKeyEnv("sk-abc123"), "'llm.api_key_env'");
        assertBad(LlmSettings.builder().model("m").maxTokens(0), "'llm.max_tokens'");
        assertBad(LlmSettings.builder().model("m").temperature(3.0), "'llm.temperature'");
        assertBad(LlmSettings.builder().model("m").idleTimeout(Duration.ZERO), "'llm.idle_timeout'");
        assertBad(LlmSettings.builder().model("m").maxConcurrency(0), "'llm.max_concurrency'");
        assertBad(LlmSettings.builder().model("m").retryMaxDelay(Duration.ofMillis(10)), "'llm.retry_max_delay'");
        assertBad(LlmSettings.builder().model("m").chunkTokens(10), "'llm.chunk_tokens'");
        assertBad(LlmSettings.builder().model("m").language(" "), "'llm.language'");
        assertThatThrownBy(() -> LlmProvider.fromConfig("azure")).hasMessageContaining("'llm.provider'")
                .hasMessageContaining("openai, anthropic");
        assertThatThrownBy(() -> OnUnavailable.fromConfig("retry")).hasMessageContaining("'llm.on_unavailable'");
        assertThat(LlmProvider.fromConfig(" Anthropic ")).isEqualTo(LlmProvider.ANTHROPIC);
        assertThat(OnUnavailable.fromConfig("offline")).isEqualTo(OnUnavailable.OFFLINE);
    }

    private static void assertBad(LlmSettings.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
