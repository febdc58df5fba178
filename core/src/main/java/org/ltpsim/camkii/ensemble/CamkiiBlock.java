package org.ltpsim.camkii.ensemble;

import org.ltpsim.camkii.SwitchLifetimes;
import org.ltpsim.stats.RunningStats;

/**
 * What one block of spines hands back, per output time k: each spine's phosphorylated fraction, the running
 * statistics of the phosphorylated, active and autonomous fractions, the spines ON; and over the run its switch
 * lifetimes, the periods still running at the end (right-censored), the spines ON and with LTP at the end, and the
 * reaction events fired.
 */
public record CamkiiBlock(float[][] phosphorylated, RunningStats[] phosphorylatedStats, RunningStats[] active,
        RunningStats[] autonomous, int[] onCount, SwitchLifetimes lifetimes, double[] censoredOnSec,
        double[] censoredOffSec, int onAtEnd, int ltpAtEnd, long events) {}
