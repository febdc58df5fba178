package org.ltpsim.camkii.ensemble;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ltpsim.camkii.SwitchLifetimes;
import org.ltpsim.stats.RunningStats;

/**
 * The spines of a CaMKII ensemble folded in block order ({@link CamkiiBlocks#fold}): per output time the statistics
 * of the phosphorylated, active and autonomous fractions, the spines ON and every spine's phosphorylated fraction
 * (for quantiles); over the run the switch lifetimes, censored periods, spines ON and with LTP at the end, events.
 */
public final class CamkiiEnsemble {
    final RunningStats[] phosphorylated;
    final RunningStats[] active;
    final RunningStats[] autonomous;
    final int[] onCount;
    final float[][] all;
    final SwitchLifetimes lifetimes = new SwitchLifetimes(true);
    final List<Double> censoredOnSec = new ArrayList<>();
    final List<Double> censoredOffSec = new ArrayList<>();
    int spinesSoFar;
    int onAtEnd;
    int ltpAtEnd;
    long events;

    CamkiiEnsemble(int times, int spines) {
        phosphorylated = fresh(times);
        active = fresh(times);
        autonomous = fresh(times);
        onCount = new int[times];
        all = new float[times][spines];
    }

    static RunningStats[] fresh(int n) {
        RunningStats[] stats = new RunningStats[n];
        for (int i = 0; i < n; i++) {
            stats[i] = new RunningStats();
        }
        return stats;
    }

    /** Phosphorylated fraction at output time k, over the spines. */
    public RunningStats phosphorylated(int k) {
        return phosphorylated[k];
    }

    public RunningStats active(int k) {
        return active[k];
    }

    public RunningStats autonomous(int k) {
        return autonomous[k];
    }

    /** Spines whose switch is ON at output time k. */
    public int onCount(int k) {
        return onCount[k];
    }

    /** Every spine's phosphorylated fraction at output time k, in spine order (a copy). */
    public float[] phosphorylatedBySpine(int k) {
        return all[k].clone();
    }

    public SwitchLifetimes lifetimes() {
        return lifetimes;
    }

    /** ON periods still running when the run ended, s. */
    public List<Double> censoredOnSec() {
        return Collections.unmodifiableList(censoredOnSec);
    }

    /** OFF periods still running when the run ended, s. */
    public List<Double> censoredOffSec() {
        return Collections.unmodifiableList(censoredOffSec);
    }

    public int onAtEnd() {
        return onAtEnd;
    }

    public int ltpAtEnd() {
        return ltpAtEnd;
    }

    public long events() {
        return events;
    }
}
