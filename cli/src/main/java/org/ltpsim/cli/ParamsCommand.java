package org.ltpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ltpsim.Version;
import org.ltpsim.cli.io.NewTextFile;
import org.ltpsim.params.KeySuggestions;
import org.ltpsim.params.NumberText;
import org.ltpsim.params.ParameterSet;
import org.ltpsim.params.ParameterSet.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ltpsim params}: the model's parameter sets ({@code data/spine.toml}, {@code data/camkii.toml}) as a table,
 * one key in full, or an editable copy of a set that {@code run --params} or {@code camkii --params} accepts as it
 * is.
 */
@Command(name = "params", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim params --show nmda.channels_per_spine",
            "  ltpsim params --write my-spine.toml",
            "  ltpsim params --set camkii --list"},
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the model parameters (value, unit, allowed range, source), show one, or write an "
                + "editable copy.",
            "With no option: --list. The spine set is what 'ltpsim run --params FILE' changes, the camkii set what "
                + "'ltpsim camkii --params FILE' changes. In a copy written by --write, edit a value (unit and "
                + "range are fixed), shorten a line to key = value, or delete lines to keep the built-in values."})
public final class ParamsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--set", paramLabel = "NAME", description = "spine, camkii or expression (default: all for "
            + "--list and --show, spine for --write; expression values are set with run --expression-set)")
    String setName;

    @Option(names = "--list", description = "every key with value, unit, allowed range and source (the default)")
    boolean list;

    @Option(names = "--show", paramLabel = "KEY", description = "one key, every field, e.g. --show nmda.mg_mm")
    String showKey;

    @Option(names = "--write", paramLabel = "FILE", description = "write an editable copy of the set in the "
            + "format of data/NAME.toml; never replaces an existing file")
    Path writeFile;

    @Option(names = "--markdown", description = "the parameter reference of the user guide (docs/parameters.md) "
            + "on stdout, every set")
    boolean markdown;

    @Override
    public Integer call() throws IOException {
        int actions = (list ? 1 : 0) + (showKey != null ? 1 : 0) + (writeFile != null ? 1 : 0) + (markdown ? 1 : 0);
        if (markdown && actions == 1 && setName == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ParameterReference.markdown());
            out.flush();
            return 0;
        }
        if (actions > 1) {
            throw new UserInputException("give one of --list, --show KEY, --write FILE or --markdown");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (writeFile != null) {
            String name = setName == null ? "spine" : checkedSetName(setName);
            NewTextFile.write("--write", writeFile, editableCopy(name));
            out.println("wrote the " + name + " parameters to " + writeFile + "; edit them, then: "
                    + commandUsing(name) + " " + writeFile);
        } else if (showKey != null) {
            show(out, showKey);
        } else {
            chosenSets().forEach(set -> list(out, set));
        }
        out.flush();
        return 0;
    }

    private List<ParameterSet> chosenSets() {
        List<String> names = setName == null ? ParameterSet.shippedSetNames() : List.of(checkedSetName(setName));
        List<ParameterSet> sets = new ArrayList<>();
        names.forEach(name -> sets.add(ParameterSet.defaults(name)));
        return sets;
    }

    private static String checkedSetName(String name) {
        if (!ParameterSet.shippedSetNames().contains(name)) {
            throw new UserInputException("--set " + name + ": unknown parameter set (known: "
                    + String.join(", ", ParameterSet.shippedSetNames()) + ")");
        }
        return name;
    }

    /** The command whose {@code --params} takes this set. */
    private static String commandUsing(String setName) {
        return setName.equals("camkii") ? "ltpsim camkii --params" : "ltpsim run --params";
    }

    /** One aligned table per set; the source, often long, is the last column and never cut. */
    private static void list(PrintWriter out, ParameterSet set) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KEY", "VALUE", "UNIT", "RANGE", "SOURCE"});
        for (Parameter p : set.all().values()) {
            rows.add(new String[] {p.key(), NumberText.of(p.value()), p.unit(),
                NumberText.of(p.min()) + " to " + NumberText.of(p.max()), p.source()});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        out.printf(Locale.ROOT, "# %s: data/%s.toml, %d parameters (%s FILE)%n", set.name(), set.name(),
                set.all().size(), commandUsing(set.name()));
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[column] + "s  ", row[column]));
            }
            out.println(line.append(row[4]));
        }
        out.println();
    }

    private void show(PrintWriter out, String key) {
        List<ParameterSet> sets = chosenSets();
        List<String> allKeys = new ArrayList<>();
        boolean found = false;
        for (ParameterSet set : sets) {
            if (sets.size() == 1) {
                set.parameter(key); // unknown: the set's own message, with did-you-mean
            }
            if (set.has(key)) {
                Parameter p = set.parameter(key);
                out.printf(Locale.ROOT, "%s (%s set, data/%s.toml)%n  value:  %s%n  unit:   %s%n  range:  %s%n"
                        + "  source: %s%n", key, set.name(), set.name(), p.valueText(),
                        p.unit().equals("1") ? "1 (dimensionless)" : p.unit(), p.rangeText(),
                        p.source());
                found = true;
            }
            allKeys.addAll(set.all().keySet());
        }
        if (!found) {
            List<String> near = KeySuggestions.nearest(key, allKeys);
            throw new UserInputException("unknown parameter '" + key + "'" + (near.isEmpty()
                    ? " (ltpsim params --list shows every key)"
                    : "; did you mean " + KeySuggestions.orList(near) + "?"));
        }
    }

    /** The shipped file with a header that says how to edit and use it. */
    private static String editableCopy(String setName) {
        return "# An editable copy of ltpsim's " + setName + " parameters (data/" + setName + ".toml, ltpsim "
                + Version.get() + ").\n"
                + "# Edit a value; unit, min and max must stay as they are (a different unit or range is refused),\n"
                + "# source is free text. A line may be shortened to key = value (\"12 ms\" with its unit in quotes),\n"
                + "# or deleted to keep the built-in value. Use it with: " + commandUsing(setName) + " FILE\n\n"
                + ParameterSet.defaultsText(setName);
    }
}
