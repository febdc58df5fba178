package org.ltpsim.cli.spine;

import java.util.BitSet;
import org.ltpsim.cli.UserInputException;

/** Parses a list of spine ids such as {@code 0,5,10-19} (ids as in spines.csv) into ascending distinct ids. */
public final class SpineIdList {
    private SpineIdList() {}

    /**
     * @param option the option the list came from, for messages
     * @param spineCount spines in the run: ids run from 0 to spineCount - 1
     */
    public static int[] parse(String option, String list, int spineCount) {
        BitSet ids = new BitSet();
        for (String raw : list.split(",", -1)) {
            String item = raw.trim();
            int dash = item.indexOf('-', 1);
            int from = id(option, dash < 0 ? item : item.substring(0, dash), item);
            int to = dash < 0 ? from : id(option, item.substring(dash + 1), item);
            if (to < from) {
                throw new UserInputException(option + ": range '" + item + "' is empty (write low-high)");
            }
            if (to >= spineCount) {
                throw new UserInputException(option + ": spine " + to + " does not exist (this run has spines 0-"
                        + (spineCount - 1) + ")");
            }
            ids.set(from, to + 1);
        }
        return ids.stream().toArray();
    }

    private static int id(String option, String text, String item) {
        try {
            int id = Integer.parseInt(text.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException(option + ": '" + item + "' is not a spine id or range of ids (e.g. 0,5,10-19)");
    }
}
