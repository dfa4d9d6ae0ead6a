package dev.kbtool.catalog;

import java.util.List;

/**
 * Every passage's packed window vectors with its kind and document, read once and kept while
 * the catalog does not change: dense retrieval scores all of them on every search, and reading
 * 18 MB of them from SQLite (10,000 documents, or a 30 MB book) took 30-130 ms of each search,
 * where scoring them takes 15. A long-running process (kb mcp) reads them once per change of
 * the knowledge base; a command that searches once reads them once, as before.
 *
 * @param version what the rows were read at: SQLite's data_version (which moves when another
 *                connection commits) and this connection's total changes
 */
record VectorRows(String version, long[] ids, String[] kinds, String[] documents, byte[][] windows) {

    static String version(Catalog catalog) {
        return catalog.query("SELECT (SELECT data_version FROM pragma_data_version()) || ':' || total_changes()",
                rs -> rs.getString(1)).orElse("");
    }

    static VectorRows read(Catalog catalog, String version) {
        List<Object[]> rows = catalog.list("SELECT v.id, p.kind, p.document, v.windows FROM passage_vectors v"
                + " JOIN passages p ON p.id = v.id", rs -> new Object[] {rs.getLong(1), rs.getString(2).intern(),
                        rs.getString(3), rs.getBytes(4)});
        int n = rows.size();
        long[] ids = new long[n];
        String[] kinds = new String[n];
        String[] documents = new String[n];
        byte[][] windows = new byte[n][];
        for (int i = 0; i < n; i++) {
            Object[] r = rows.get(i);
            ids[i] = (Long) r[0];
            kinds[i] = (String) r[1];
            documents[i] = (String) r[2];
            windows[i] = (byte[]) r[3];
        }
        return new VectorRows(version, ids, kinds, documents, windows);
    }

    int size() {
        return ids.length;
    }
}
