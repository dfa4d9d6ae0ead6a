package dev.kbtool.render;

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
        assertThat(hub).contains("By name: [[index/documents/a|a]] · [[index/documents/b|b]]")
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

    @Test
    void addingAnEntryChangesOnlyItsOwnPageBelowTheHub() {
        List<IndexPages.Entry> docs = new ArrayList<>();
        for (int i = 0; i < 2950; i++) {
            docs.add(new IndexPages.Entry(String.format("doc-%05d", i), "- d" + i));
        }
        Map<String, String> before = IndexPages.render(input(docs, List.of()));
        List<IndexPages.Entry> more = new ArrayList<>(docs);
        more.add(new IndexPages.Entry("doc-02901-b", "- d-new"));
        more.sort(java.util.Comparator.comparing(IndexPages.Entry::sortKey));
        Map<String, String> after = IndexPages.render(input(more, List.of()));

        List<String> changed = after.keySet().stream()
                .filter(k -> !after.get(k).equals(before.get(k)) && !k.equals(IndexPages.HUB)).toList();
        assertThat(before).containsKey("wiki/index/documents/d.md");
        assertThat(changed).as(changed.toString()).hasSize(1);
        assertThat(after.get(changed.get(0))).contains("- d-new");
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
