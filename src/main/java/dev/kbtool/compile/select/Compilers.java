package dev.kbtool.compile.select;

import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.compile.llm.LlmCompiler;
import dev.kbtool.compile.offline.OfflineCompiler;
import dev.kbtool.config.Config;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;
import dev.kbtool.llm.HttpLlmClient;
import dev.kbtool.llm.LlmConfigReader;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.OnUnavailable;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** Chooses the document compiler a knowledge base's config asks for. */
public final class Compilers {
    private Compilers() {
    }

    /** The settings of the {@code llm:} section, validated; null when the config has none. */
    public static LlmSettings llmSettings(Config config, String origin) {
        if (config.llm() == null && !config.usesLlm()) {
            return null;
        }
        try {
            return LlmConfigReader.read(config.llm(), config.maxConcepts(), config.maxEntities());
        } catch (IllegalArgumentException e) {
            throw new KbException(ExitCode.CONFIG, origin + ": " + e.getMessage());
        }
    }

    /**
     * The compiler for {@code kb add} and {@code kb recompile}: offline, or the LLM (falling
     * back to offline when {@code llm.on_unavailable: offline} and the LLM cannot be used).
     *
     * @param notices told once when kb falls back to the offline compiler
     */
    public static DocumentCompiler create(Config config, String origin, Map<String, String> env,
            Consumer<String> notices) {
        DocumentCompiler offline = offline(config);
        if (!config.usesLlm()) {
            return offline;
        }
        LlmSettings settings = llmSettings(config, origin);
        DocumentCompiler llm = new LlmCompiler(HttpLlmClient.create(settings, env), settings);
        return settings.onUnavailable() == OnUnavailable.OFFLINE ? new FallbackCompiler(llm, offline, notices) : llm;
    }

    /** The LLM's overview writer, or null when the config has no LLM. */
    public static dev.kbtool.compile.llm.OverviewSynthesizer overviews(Config config, String origin,
            Map<String, String> env) {
        if (!config.usesLlm()) {
            return null;
        }
        LlmSettings settings = llmSettings(config, origin);
        return new dev.kbtool.compile.llm.OverviewSynthesizer(HttpLlmClient.create(settings, env), settings);
    }

    public static DocumentCompiler offline(Config config) {
        return Offline.INSTANCE;
    }

    /** How long one file may take to prepare: conversion, plus the LLM's budget when one is used. */
    public static Duration fileTimeout(Config config, String origin) {
        if (!config.usesLlm()) {
            return config.fileTimeout();
        }
        return config.fileTimeout().plus(llmSettings(config, origin).documentTimeout());
    }

    /** Loaded on first use only: commands that compile nothing never pay for the language models. */
    private static final class Offline {
        static final DocumentCompiler INSTANCE = new OfflineCompiler();
    }
}
