package org.ltpsim.cli;

import java.util.List;
import org.ltpsim.params.NumberText;
import org.ltpsim.params.ParameterSet;

/**
 * The parameter reference of the user guide ({@code docs/parameters.md}), generated from the shipped parameter
 * sets ({@code data/*.toml}): every key with value, unit, allowed range and source, one table per set. Written by
 * {@code ltpsim params --markdown}; a test fails when the checked-in file differs from what this generates.
 */
public final class ParameterReference {
    private ParameterReference() {}

    /** The whole document. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Parameter reference\n\n");
        md.append("Generated from `data/*.toml` by `ltpsim params --markdown > docs/parameters.md`; do not edit by "
                + "hand (`ParameterReferenceTest` fails when this file is stale). Every value can be changed with "
                + "`--set KEY=VALUE` or a `--params FILE` (spine set: `run`, `sweep`, `experiment`; CaMKII set: "
                + "`camkii --set`, `run --camkii-set`, `sweep --param camkii.KEY=...`), within its range. "
                + "Source tags (as in the headers of the data files): [R] value read in the cited publication or "
                + "in the published model code that implements it; [C] computed from such "
                + "values; [M] recalled from the literature, not re-checked against the primary source; "
                + "\"calibrated\" = chosen so that the model reproduces the classic LTP experiments; \"chosen\", "
                + "\"design\" and \"numerical\" = choices of the simulator, not biology (see `docs/spine-model.md`, "
                + "`docs/camkii.md`).\n");
        List<String> names = ParameterSet.shippedSetNames();
        for (String name : names) {
            ParameterSet set = ParameterSet.defaults(name);
            md.append("\n## ").append(name).append(" (`data/").append(name).append(".toml`, ")
                    .append(set.all().size()).append(" parameters)\n\n");
            md.append("| key | value | unit | range | source |\n|---|---|---|---|---|\n");
            for (ParameterSet.Parameter p : set.all().values()) {
                md.append("| `").append(p.key()).append("` | ").append(NumberText.of(p.value())).append(" | ")
                        .append(cell(p.unit())).append(" | ").append(NumberText.of(p.min())).append(" to ")
                        .append(NumberText.of(p.max())).append(" | ").append(cell(p.source())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
