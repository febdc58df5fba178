package org.ltpsim.cli.spine;

import org.ltpsim.spine.input.Pathway;
import org.ltpsim.spine.sim.SpineRunResult;
import org.ltpsim.spine.sim.SpineRunResult.CamkiiVerdict;
import org.ltpsim.spine.sim.SpineRunResult.Outcome;

/**
 * The two plasticity readouts of one pathway side by side: the calcium rule (a threshold on each spine's calcium
 * integral Q_max) and, when CaMKII is simulated, the holoenzyme switch (ON at the end; lasting potentiation when
 * ON without a break for {@code switch.ltp_min_on_s}). Counts over the pathway's spines; never pooled across
 * pathways.
 */
public record PathwayReadouts(Pathway pathway, int spines, int ruleLtp, int ruleLtd, int ruleNone, boolean camkii,
        int camkiiOn, int camkiiLtp, int camkiiUndecided, int disagreements) {

    /** Counts the readouts of pathway {@code p} of {@code r}. */
    public static PathwayReadouts of(SpineRunResult r, int p) {
        int spines = 0;
        int[] rule = new int[Outcome.values().length];
        int on = 0;
        int[] verdicts = new int[CamkiiVerdict.values().length];
        int disagreements = 0;
        for (int i = 0; i < r.spineCount(); i++) {
            if (r.layout().pathwayOf(i) != p) {
                continue;
            }
            spines++;
            Outcome outcome = r.outcome(i);
            rule[outcome.ordinal()]++;
            if (r.hasCamkii()) {
                on += r.camkiiOn(i) ? 1 : 0;
                verdicts[r.camkiiVerdict(i).ordinal()]++;
                if ((outcome == Outcome.LTP) != r.camkiiOn(i)) {
                    disagreements++;
                }
            }
        }
        return new PathwayReadouts(r.pathways().get(p), spines, rule[Outcome.LTP.ordinal()],
                rule[Outcome.LTD.ordinal()], rule[Outcome.NONE.ordinal()], r.hasCamkii(), on,
                verdicts[CamkiiVerdict.LTP.ordinal()], verdicts[CamkiiVerdict.UNDECIDED.ordinal()], disagreements);
    }

    public boolean stimulated() {
        return pathway.stimulus().pulseCount() > 0;
    }

    public double fraction(int count) {
        return (double) count / spines;
    }

    /** Lasting CaMKII potentiation can be judged for every spine: none is ON for less than the criterion. */
    public boolean camkiiLtpDecided() {
        return camkiiUndecided == 0;
    }
}
