package org.ltpsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ltpsim.params.ParameterSet;

/** docs/parameters.md is what {@code ltpsim params --markdown} generates from data/*.toml. */
class ParameterReferenceTest {
    private static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve("data"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("no docs/ above " + here);
    }

    @Test
    void checkedInReferenceIsUpToDate() throws Exception {
        String expected = ParameterReference.markdown();
        String actual = Files.readString(docs().resolve("parameters.md"));
        assertEquals(expected, actual, "docs/parameters.md is stale: regenerate it with "
                + "./ltpsim params --markdown > docs/parameters.md");
    }

    @Test
    void everyKeyOfEverySetIsListed() {
        String md = ParameterReference.markdown();
        for (String name : ParameterSet.shippedSetNames()) {
            for (String key : ParameterSet.defaults(name).all().keySet()) {
                assertTrue(md.contains("| `" + key + "` |"), name + " " + key);
            }
        }
    }
}
