package dev.kbtool.compile.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.TopicCandidate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 17: concepts and entities an expert would list, descriptions a document would give itself. */
class OfflinePagesWorthReadingTest {
    private final OfflineCompiler compiler = new OfflineCompiler();

    /** A paper's first page as a converter gives it: title, byline with affiliations, abstract, introduction. */
    static final String PAPER = """
            # Falcon-V2: Scaling Policy Learning for Code Agents

            Mara Lindqvist1, Tomas Okafor1,2, Priya Raman2, Jonas Weber1

            1Northfield AI 2Department of Computer Science, Halden University

            ## Abstract

            Large language models write code, but their training data rarely rewards correct programs. In this paper, \
            we propose Falcon-V2, a code model trained with reinforcement learning from unit-test feedback. We introduce \
            Group Relative Policy Optimization (GRPO), which compares several sampled programs for the same task instead \
            of training a separate value model. Falcon-V2 builds on a Mixture-of-Experts (MoE) architecture with shared \
            experts and routed experts. On the CodeEval benchmark, Falcon-V2 achieves 81.2 percent, and it outperforms \
            Falcon-V1 on LiveTests-Bench.

            ## 1. Introduction

            Reinforcement learning has become the standard way to align a code model with correct behaviour. GRPO \
            removes the value model of earlier methods, so reinforcement learning needs less memory. The routed experts \
            of the MoE layer are chosen per token, while the shared experts see every token. We evaluate on CodeEval \
            and LiveTests-Bench, where Falcon-V2 achieves the best results of any open model. The model, the data and \
            the training code are released. Reinforcement learning with GRPO improves every benchmark we tried, and \
            shared experts make routed experts more specialised. The training data, the model size and the task mix are \
            reported in the appendix.
            """;

    @Test
    void aPapersFirstPageGivesItsIdeasAsConceptsAndItsSystemsBenchmarksAndInstitutionsAsTypedEntities() throws Exception {
        DocumentAnalysis a = compiler.analyze(Texts.input(PAPER));
        Map<String, TopicCandidate> concepts = byKey(a.concepts());
        Map<String, TopicCandidate> entities = byKey(a.entities());

        assertThat(a.title()).isEqualTo("Falcon-V2: Scaling Policy Learning for Code Agents");
        assertThat(concepts).as(a.concepts().toString())
                .containsKeys("group-relative-policy-optimization", "reinforcement-learning", "mixture-of-expert",
                        "shared-expert", "routed-expert")
                .doesNotContainKeys("reinforcement", "model", "data", "training", "task", "expert", "token", "code");
        assertThat(concepts.get("group-relative-policy-optimization").aliases()).as("its acronym").contains("GRPO");
        assertThat(a.entities()).extracting(TopicCandidate::key).as("acronyms of concepts are no names")
                .doesNotContain("grpo", "moe");
        assertThat(entities.get("falcon-v2").type()).as(a.entities().toString()).isEqualTo("product");
        assertThat(entities.get("codeeval").type()).isEqualTo("work");
        assertThat(entities.get("livetests-bench").type()).isEqualTo("work");
        assertThat(entities.get("northfield-ai").type()).as("from the byline").isEqualTo("organization");
        assertThat(entities.get("halden-university").type()).isEqualTo("organization");
        assertThat(entities).as("the university, not its department; a long author list names no one")
                .doesNotContainKeys("department-of-computer-science", "mara-lindqvist", "jonas-weber");
        assertThat(a.description()).startsWith("In this paper, we propose Falcon-V2");
    }

    @Test
    void anEverydayWordTheTextAlsoWritesInLowerCaseIsNoNameWhateverASentenceMakesOfIt() throws Exception {
        String text = "# Tuning Falcon-V2\n\nWe compare the Performance model with Falcon-V2 on HumanEval."
                + " Results are in the Performance table. Falcon-V2 improves the performance of code agents, and its"
                + " performance on HumanEval grows with data. We measure performance on HumanEval and MBPP, where"
                + " Falcon-V2 again leads in performance.\n";
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.entities()).extracting(TopicCandidate::name).contains("Falcon-V2").doesNotContain("Performance");
    }

    @Test
    void termsASectionDefinesAreConcepts() throws Exception {
        String section = """
                # Memory

                Training deep networks runs out of memory long before it runs out of compute. A technique called \
                gradient checkpointing stores only some activations and recomputes the others during the backward pass. \
                Activations live in a structure known as an activation cache, which the backward pass reads in reverse \
                order. With gradient checkpointing, the activation cache holds one tensor per segment instead of one per \
                layer, and memory grows with the square root of the depth. The price of gradient checkpointing is one \
                more forward pass.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(section));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .contains("gradient-checkpointing", "activation-cache")
                .doesNotContain("memory", "compute", "layer", "pass");
    }

    @Test
    void aNumberedSubsectionNamedAfterATermMakesItAConceptButPartsAndFigureLabelsDoNot() throws Exception {
        String paper = """
                <!-- page 1 -->

                # Orca: Serving Long Documents

                ## 1. Introduction

                Serving language models on long inputs is expensive, and most systems cut the input short. We present \
                Orca, a serving system that keeps the whole input and answers questions about it. Orca splits the work \
                between a retrieval stage and a generation stage, and it reuses the cache between requests.

                ## 2. Method

                ### 2.1. Long Context Extension

                We stretch the position encoding of the base model so that it reads inputs eight times longer than \
                in pre-training. The stretched model is tuned on long inputs for a few hundred steps.

                ### 2.2. Prefix Caching

                Requests about the same document share their first tokens. Orca keeps the attention state of that \
                shared prefix in memory and reuses it, so a second question costs a fraction of the first.

                <!-- page 2 -->

                ###### Text Tokenizer

                ## 3. Experimental Results

                ### 3.1. Qualitative Results

                Orca answers questions about a whole novel in under a second once the cache is warm. The answers \
                quote the right chapter in nine cases out of ten, and the cache halves the cost of a second question.

                <!-- page 3 -->

                Orca is released with its weights and its evaluation scripts for anyone to use and to improve.

                <!-- page 4 -->

                The authors thank the reviewers for their comments on an earlier draft of this paper.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(paper));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .contains("long-context-extension", "prefix-caching")
                .doesNotContain("method", "experimental-result", "qualitative-result", "result", "text-tokenizer");
    }

    @Test
    void aDictionaryWordTheTextMerelyRepeatsIsNoConceptButItsOwnCoinageIs() throws Exception {
        String note = """
                # Content addressing

                Every block is named by its multihash, a self-describing hash of its content. Bandwidth matters when \
                peers fetch blocks: a peer with little bandwidth asks several peers at once, and the multihash lets it \
                check each block it gets. Bandwidth is also why blocks are small. A multihash names the hash function \
                and the digest length, so the multihash of a block stays valid when the network moves to a new \
                function. Peers with spare bandwidth serve blocks to others, and they keep a ledger of the bandwidth \
                they gave. The multihash of the root block names the whole file.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(note));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .contains("multihash").doesNotContain("bandwidth");
    }

    @Test
    void aPlaceholderTheTextRepeatsIsNoCoinage() throws Exception {
        String manual = """
                # Block arrays

                A block array sets a row of cells as one block. I think I want it to look like this: xx 1 xx 3 xx 2. \
                Each xx stands for a cell the blockarray fills later, and the blockarray keeps the xx cells aligned. \
                The blockarray package reads the preamble once and builds every column from it. When the blockarray \
                meets an xx cell, it leaves its width to the next row.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(manual));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .contains("blockarray").doesNotContain("xx");
    }

    @Test
    void entitiesAreTypedByWhatTheTextSaysTheyAreAndByTheirFamily() throws Exception {
        String paper = """
                # Building on shared storage

                Kestrel is a distributed file system that stores every block under its hash. Kestrel, a successor of \
                Plover, keeps the Plover wire format. We compare it with Kestrel-Lite, a smaller build, on the \
                ArchiveSet collection. ArchiveSet is a public dataset of web archives. Tarn-Store, the object \
                store of the Tarn project, serves as the baseline. Tarn-Store answers reads in four milliseconds, \
                while Kestrel answers in two. Kestrel-Lite answers in three milliseconds on the same ArchiveSet \
                traces, and Tarn keeps its own numbers for Tarn-Store. Plover served the first archive in 2019.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(paper));
        Map<String, TopicCandidate> entities = byKey(a.entities());

        assertThat(entities).as(a.entities().toString()).containsKeys("kestrel", "kestrel-lite", "archiveset");
        assertThat(entities.get("kestrel").type()).as("'is a distributed file system'").isEqualTo("product");
        assertThat(entities.get("archiveset").type()).as("'is a public dataset'").isEqualTo("work");
        assertThat(entities.get("kestrel-lite").type()).as("a variant of Kestrel").isEqualTo("product");
    }

    @Test
    void anAcronymTheTextAlsoWritesInThePluralIsACommonNounNotAName() throws Exception {
        String text = """
                # Serving small models

                Serving several LLMs on one GPU is cheaper than one LLM per GPU. Each LLM keeps its own cache, and the \
                scheduler moves LLMs between memory and disk. The WXT benchmark measures the wait per request. On WXT, \
                sharing the GPU halves the cost. The WXT traces come from a public service, and WXT reports the tail \
                latency too.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.entities()).extracting(TopicCandidate::key).as(a.entities().toString())
                .contains("wxt").doesNotContain("llm");
    }

    @Test
    void aLoneAuthorSetAsAHeadingIsTheAuthorAndLabelsInCapitalsAreNoNames() throws Exception {
        String paper = """
                # Quillfeather - A Versioned Object Store

                ## Maria Lindqvist

                ## TECHNICAL REPORT

                ## ABSTRACT

                Quillfeather is a versioned object store that keeps every change of every object. It names objects by \
                the hash of their content, so two stores holding the same object agree on its name. Quillfeather \
                replicates objects between peers and verifies each one it receives against its name.

                ## 1. Introduction

                Version control systems keep the history of source code, but object stores forget it. Quillfeather \
                brings the history of version control to objects of any size.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(paper));
        Map<String, TopicCandidate> entities = byKey(a.entities());

        assertThat(entities).as(a.entities().toString()).containsKey("maria-lindqvist")
                .doesNotContainKeys("technical-report", "abstract");
        assertThat(entities.get("maria-lindqvist").type()).isEqualTo("person");
    }

    @Test
    void aBylineCutAtAnInitialStillGivesTheInstitutionsAndANameWithThreeHumpsIsAName() throws Exception {
        String paper = """
                # RiverMoE: Routing Tokens to Small Experts

                Anna Berg1, Tomas Okafor1, R.X. Xu1, Priya Raman2, Jonas Weber1

                1Northfield AI

                2Halden University

                ## Abstract

                We present RiverMoE, a sparse model that routes every token to two small experts. RiverMoE matches a \
                dense model of twice its size, and RiverMoE Chat, its chat edition, follows instructions well. We \
                release RiverMoE and RiverMoE Chat with their weights.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(paper));
        Map<String, TopicCandidate> entities = byKey(a.entities());

        assertThat(entities).as(a.entities().toString()).containsKeys("rivermoe", "rivermoe-chat", "northfield-ai");
        assertThat(entities.get("rivermoe-chat").type()).as("an edition of a product").isEqualTo("product");
    }

    @Test
    void aCapitalisedPhraseOfWordsTheTextWritesInLowerCaseIsAConceptNotAName() throws Exception {
        String text = """
                # Keeping the update size steady

                We compare two fixes. Update Norm divides every update by its norm, so the update norm stays the same \
                for every matrix. Adjusted Rate scales the rate instead. With Update Norm the loss falls faster in \
                the first thousand steps, and the norm of each update stays near one. Update Norm costs one division \
                per matrix, which is nothing beside the rest of the step.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.entities()).extracting(TopicCandidate::key).as(a.entities().toString()).doesNotContain("update-norm");
        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString()).contains("update-norm");
    }

    @Test
    void aConceptSharedByManyNotesIsFoundInEachOfThem() throws Exception {
        String[] notes = {
                """
                # Sharding the session store

                We split the session store over eight nodes. Keys are placed with consistent hashing, so adding a \
                node moves only a small share of the keys. The ring has 256 virtual nodes per server. Reads go to the \
                owner of the key and to one replica. Consistent hashing also keeps the load even when a server fails.
                """,
                """
                # Cache cluster notes

                The cache cluster grew from three to five machines this quarter. Eviction uses an LRU policy with a \
                ten minute TTL. Clients pick a machine by consistent hashing of the cache key. Hit rate stayed above \
                ninety percent during the migration. Alerts fire when a machine's memory passes eighty percent.
                """,
                """
                # Reading: Dynamo

                The Dynamo paper describes a key-value store that favours availability. Its partitioning scheme is \
                consistent hashing with virtual nodes, and its replication writes to the next nodes on the ring. \
                Conflicts are resolved with vector clocks. Sloppy quorums and hinted handoff keep writes available \
                during failures.
                """,
                """
                # Load balancer migration

                The old load balancer sent requests round robin, which broke sticky sessions. The new one uses \
                consistent hashing on the client address. Failover took four seconds in the drill. We still need to \
                tune the health check interval.
                """,
                """
                # Interview question bank

                Ask candidates how they would shard a growing user table. Good answers mention range partitioning, \
                hash partitioning and consistent hashing, and they discuss rebalancing. Follow up with hot keys and \
                secondary indexes. Weak answers stop at adding more machines.
                """};
        for (String note : notes) {
            DocumentAnalysis a = compiler.analyze(Texts.input(note));
            assertThat(a.concepts()).extracting(TopicCandidate::key).as(note.lines().findFirst().orElse(""))
                    .contains("consistent-hashing");
        }
    }

    @Test
    void aPhraseNamedOnceInALongDocumentIsNoConceptEvenWhenItsRepeatedPagesAreStrippedAsFurniture() throws Exception {
        StringBuilder book = new StringBuilder();
        for (int p = 1; p <= 60; p++) {
            // The same paragraph on every page reads as a running header and is stripped, leaving
            // page 42 alone: a few sentences, like a note, of a 60-page document.
            book.append("<!-- page ").append(p).append(" -->\n\nPage ").append(p)
                    .append(" of the handbook describes step ").append(p).append(" in plain words. It continues with more")
                    .append(" detail about the topic of this chapter.").append(p == 42 ? " Here the zebra quartz lantern"
                            + " appears exactly once." : "").append("\n\n");
        }
        DocumentAnalysis a = compiler.analyze(new dev.kbtool.compile.CompileInput("Handbook", "handbook", book.toString(),
                java.util.List.of()));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .doesNotContain("zebra-quartz-lantern", "quartz-lantern");
    }

    @Test
    void aShortDocumentationPageKeepsMoreIdeasThanItsNames() throws Exception {
        String page = """
                # Storage volume plugins

                Storage volume plugins let containers keep their data on external storage systems. A volume driver \
                answers the create, mount and remove calls of the plugin protocol. The plugin protocol is plain JSON \
                over HTTP. Each volume driver registers a mount point for every container that uses the volume. \
                In cluster mode, a volume driver must run on every worker node. Mount propagation decides whether a \
                mount point made inside a container shows on the host. A snapshot policy tells the volume driver when \
                to copy a volume. Cluster mode also needs a placement constraint, so that each task lands where its \
                volume lives. Without mount propagation, a snapshot policy or a placement constraint, the storage \
                volume plugins still work on a single host.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(page));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .contains("mount-propagation", "snapshot-policy", "placement-constraint", "cluster-mode", "mount-point",
                        "plugin-protocol")
                .hasSizeGreaterThan(OfflineCompiler.MIN_TOPICS);
    }

    @Test
    void aNamedTechniqueIsAConceptAndOneSpelledTwoWaysIsOneConcept() throws Exception {
        String paper = """
                # Training with Heron

                We train language models with the Heron optimizer instead of the Lark optimizer. Heron orthogonalizes \
                each update with the Kestrel iteration, and the Kestrel iteration needs five steps per update. Heron \
                keeps one buffer per matrix, so Heron halves the memory of Lark. After pretraining, supervised \
                fine-tuning adapts the model to chat. Supervised finetuning with Heron is as stable as with Lark. With \
                weight decay, Heron matches Lark at half the compute, and weight decay keeps the update scale steady. \
                Supervised fine-tuning data comes from public sets. The Kestrel iteration runs in low precision.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(paper));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .contains("heron", "kestrel", "weight-decay")
                .doesNotContain("optimizer", "iteration");
        assertThat(a.concepts()).extracting(TopicCandidate::key).as("one spelling, the other an alias")
                .filteredOn(k -> k.equals("supervised-fine-tuning") || k.equals("supervised-finetuning")).hasSize(1);
        assertThat(a.entities()).extracting(TopicCandidate::key).as(a.entities().toString())
                .doesNotContain("heron", "kestrel");
    }

    @Test
    void aManualDescribesItselfAndNeverQuotesItsLicence() throws Exception {
        String manual = """
                # fancyboxes

                Copyright (C) 2019 Jane Example. Everyone is permitted to copy and distribute verbatim copies of this \
                license document, but changing it is not allowed. This program is free software: you can redistribute \
                it and/or modify it under the terms of the GNU General Public License as published by the Free Software \
                Foundation.

                ## Introduction

                Boxes around text are a common request in technical documents. This package provides framed and shaded \
                boxes that break across pages and keep their titles. The boxes take their colours from the document's \
                colour theme, and each box may carry a title bar. Shaded boxes are drawn below the text, so copying from \
                the PDF still gives the text in order. A box that breaks across pages repeats its title bar on the next \
                page. The package needs no other package and works with every engine.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(manual));

        assertThat(a.description()).startsWith("This package provides framed and shaded boxes");
        assertThat(String.join(" ", a.summary()) + " " + a.description())
                .doesNotContain("permitted to copy", "General Public License", "redistribute");
        assertThat(a.concepts()).allSatisfy(c -> assertThat(c.contribution()).doesNotContain("permitted to copy"));
    }

    private static Map<String, TopicCandidate> byKey(java.util.List<TopicCandidate> topics) {
        return topics.stream().collect(Collectors.toMap(TopicCandidate::key, Function.identity()));
    }
}
