package dev.kbtool.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexPagesTest {
    @Test
    void aSmallKnowledgeBaseListsEverythingOnTheHub() {
        Map<String, String> pages = IndexPages.render(input(entries("doc", 3), entries("concept", 2)));

        assertThat(pages).containsOnlyKeys(IndexPages.HUB);
        assertThat(pages.get(IndexPages.HUB)).contains("**3 documents · 2 concepts · 0 entities**", "- doc-0",
                "- concept-1", "_None yet._");
    }

    @Test
    void largeSectionsSplitIntoSmallPagesByNamePrefix() {
        List<IndexPages.Entry> docs = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            docs.add(new IndexPages.Entry(String.format("%s-%04d", i % 3 == 0 ? "alpha" : "beta", i), "- d" + i));
        }

        Map<String, String> pages = IndexPages.render(input(docs, List.of()));

        String hub = pages.get(IndexPages.HUB);
        assertThat(hub).contains("By name: [[index/documents/a|a]] (500) · [[index/documents/b|b]] (1000)")
                .contains("## Recently added");
        assertThat(hub.lines().count()).isLessThan(60);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            long entries = page.getValue().lines().filter(l -> l.startsWith("- d")).count();
            assertThat(entries).as(page.getKey()).isLessThanOrEqualTo(IndexPages.PAGE_LIMIT);
        }
        long listed = pages.values().stream().flatMap(String::lines).filter(l -> l.startsWith("- d")).count();
        assertThat(listed).isEqualTo(1500 + IndexPages.RECENT);
        assertThat(pages).containsKey("wiki/index/documents/a.md").containsKey("wiki/index/documents/alpha-00.md");
    }

    private static IndexPages.Input input(List<IndexPages.Entry> docs, List<IndexPages.Entry> concepts) {
        return new IndexPages.Input(docs, docs.subList(0, Math.min(IndexPages.RECENT, docs.size())), concepts, List.of(),
                List.of(), List.of());
    }

    private static List<IndexPages.Entry> entries(String prefix, int n) {
        List<IndexPages.Entry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new IndexPages.Entry(prefix + "-" + i, "- " + prefix + "-" + i));
        }
        return out;
    }
}
