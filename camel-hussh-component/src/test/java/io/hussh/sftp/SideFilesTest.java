package io.hussh.sftp;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SideFilesTest {

    private final SideFiles sideFiles = new SideFiles(".part", false);

    @Test
    void everyNameItGivesIsOneEveryConsumerSkips() {
        assertThat(sideFiles.temp("/in/a.csv")).isEqualTo("/in/a.csv.part");
        assertThat(sideFiles.backup("/in/a.csv")).startsWith("/in/a.csv.").endsWith(".old.part")
                .isNotEqualTo(sideFiles.backup("/in/a.csv"));
        assertThat(SideFiles.checksum("/in/a.csv")).isEqualTo("/in/a.csv.sha256");
        assertThat(SideFiles.record("/data/a.csv.part")).isEqualTo(Path.of("/data/.a.csv.part.hussh-source"));

        assertThat(sideFiles.isSideFile("a.csv.part")).isTrue();
        assertThat(sideFiles.isSideFile("sub/" + Path.of(sideFiles.backup("/in/a.csv")).getFileName())).isTrue();
        assertThat(sideFiles.isSideFile(SideFiles.record("/data/a.csv.part").getFileName().toString())).isTrue();
        assertThat(SideFiles.journal("/data/a.csv.part")).isEqualTo("/data/.a.csv.part.hussh-segments");
        assertThat(SideFiles.journal("a.csv")).isEqualTo(".a.csv.hussh-segments");
        assertThat(sideFiles.isSideFile("in/.a.csv.hussh-segments")).isTrue();
        assertThat(sideFiles.isSideFile("a.csv.hussh-segments")).as("only the hidden journal name").isFalse();
        assertThat(sideFiles.isSideFile("a.csv")).isFalse();
        assertThat(sideFiles.isSideFile("hussh-source")).isFalse();
    }

    @Test
    void checksumFilesAreSideFilesOnlyWhereTheyAreCompared() {
        assertThat(sideFiles.isSideFile("a.csv.sha256")).isFalse();
        assertThat(new SideFiles(".part", true).isSideFile("a.csv.sha256")).isTrue();
    }

    @Test
    void aSuffixThatCannotNameAFileBesideTheDestinationIsRefused() {
        for (String suffix : new String[] {"", "/x", null}) {
            assertThatThrownBy(() -> new SideFiles(suffix, false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tempSuffix must be a non-empty file name suffix");
        }
    }
}
