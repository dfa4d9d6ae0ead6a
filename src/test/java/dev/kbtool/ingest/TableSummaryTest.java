package dev.kbtool.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.testing.Kb;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV added end to end: its description and summary say what the table holds. */
class TableSummaryTest {
    @TempDir
    Path tmp;

    @Test
    void aCsvIsDescribedAndSummarisedByItsColumnsRowCountAndFirstRows() throws Exception {
        Kb kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        kb.run("init", "kb");
        Files.writeString(tmp.resolve("stations.csv"), "station,city,capacity_mw\nNorth Ridge,Aberdeen,120\n"
                + "Sun Valley,Seville,85\nDelta Flats,Rotterdam,240\nHill Top,Graz,60\n");

        Kb.Result r = kb.run("add", "stations.csv");

        assertThat(r.code()).as(r.toString()).isZero();
        String summary = Files.readString(tmp.resolve("kb/wiki/summaries/stations.md"));
        assertThat(summary).contains("description: \"A table of 4 rows in 3 columns: station, city, capacity_mw.")
                .contains("station North Ridge, city Aberdeen, capacity_mw 120")
                .doesNotContain("no running text");
    }
}
