package dev.kbtool.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.language.EnglishNouns;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicKeysTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            neural networks           | neural-network
            Neural Network            | neural-network
            neural-networks           | neural-network
            neural_network            | neural-network
            '  Neural   Networks  '   | neural-network
            security policies         | security-policy
            data analyses             | data-analysis
            class                     | class
            physics                   | physics
            news                      | news
            GPUs                      | gpu
            APIs                      | api
            SaaS                      | saas
            iOS                       | ios
            matrices                  | matrix
            criteria                  | criterion
            search indexes            | search-index
            cache                     | cache
            caches                    | cache
            processes                 | process
            status                    | status
            database schemas          | database-schema
            hash tables               | hash-table
            Alzheimer's disease       | alzheimers-disease
            C++ templates             | cpp-template
            Node.js modules           | node-js-module
            ﬁle systems               | file-system
            Ｗｉｄｅ　ｍｏｄｅｌｓ        | wide-model
            state-of-the-art methods  | state-of-the-art-method
            -- dashes --              | dash
            ärztliche Befunde         | ärztliche-befunde
            """)
    void conceptKeys(String name, String key) {
        assertThat(TopicKeys.concept(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Windows                   | windows
            Ada Lovelace              | ada-lovelace
            Free Software Foundation  | free-software-foundation
            Procter & Gamble          | procter-gamble
            Debian GNU/Linux          | debian-gnu-linux
            O'Reilly Media            | oreilly-media
            技术报告（最终版）           | 技术报告-最终版
            Лев Толстой               | лев-толстой
            C#                        | c-sharp
            '!!!'                     | ''
            """)
    void entityKeysKeepTheNumberOfTheName(String name, String key) {
        assertThat(TopicKeys.entity(name)).isEqualTo(key == null ? "" : key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            networks, network
            policies, policy
            analyses, analysis
            hypotheses, hypothesis
            classes, class
            buses, bus
            viruses, virus
            causes, cause
            databases, database
            movies, movie
            leaves, leaf
            archives, archive
            heroes, hero
            shoes, shoe
            boxes, box
            branches, branch
            women, woman
            specimen, specimen
            children, child
            series, series
            species, species
            mathematics, mathematics
            topics, topic
            various, various
            data, data
            Policies, Policy
            """)
    void singulars(String plural, String singular) {
        assertThat(EnglishNouns.singular(plural)).isEqualTo(singular);
    }

    @org.junit.jupiter.api.Test
    void keysStayShortEnoughForAFileName() {
        String key = TopicKeys.concept("very ".repeat(60) + "long names");
        assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(120);
        assertThat(key).doesNotEndWith("-").startsWith("very-very");
    }
}
