package org.ltpsim.spine.expression;

import java.util.Arrays;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.SwitchLifetimes;

/** A CaMKII stand-in whose autonomous fraction, PP1 activity and switch state the test sets (12 x 16 subunits). */
final class ScriptedCamkii implements CamkiiPopulation {
    static final int SUBUNITS = 192;
    private final int spines;
    private final int[] autonomous;
    private final double[] pp1;
    private final boolean[] on;
    private double timeSec;

    ScriptedCamkii(int spines) {
        this.spines = spines;
        autonomous = new int[spines];
        pp1 = new double[spines];
        on = new boolean[spines];
        Arrays.fill(pp1, 1.0);
    }

    void set(double autonomousFraction, double pp1Factor, boolean switchOn) {
        Arrays.fill(autonomous, (int) Math.round(autonomousFraction * SUBUNITS));
        Arrays.fill(pp1, pp1Factor);
        Arrays.fill(on, switchOn);
    }

    @Override
    public int spineCount() {
        return spines;
    }

    @Override
    public int holoenzymesPerSpine() {
        return 16;
    }

    @Override
    public int subunitCount(int spine) {
        return SUBUNITS;
    }

    @Override
    public double timeSec() {
        return timeSec;
    }

    @Override
    public void advance(double dtSec, double[] caMicroMolar) {
        timeSec += dtSec;
    }

    @Override
    public void advanceUniform(double dtSec, double caMicroMolar) {
        timeSec += dtSec;
    }

    @Override
    public int phosphorylatedSubunits(int spine) {
        return autonomous[spine];
    }

    @Override
    public int activeSubunits(int spine) {
        return autonomous[spine];
    }

    @Override
    public int autonomousSubunits(int spine) {
        return autonomous[spine];
    }

    @Override
    public double pp1ActivityFactor(int spine) {
        return pp1[spine];
    }

    @Override
    public boolean isOn(int spine) {
        return on[spine];
    }

    @Override
    public double onSinceSec(int spine) {
        return on[spine] ? 0 : Double.NaN;
    }

    @Override
    public double stateSinceSec(int spine) {
        return 0;
    }

    @Override
    public double longestOnSec(int spine) {
        return 0;
    }

    @Override
    public boolean hasLtp(int spine) {
        return false;
    }

    @Override
    public SwitchLifetimes lifetimes() {
        return new SwitchLifetimes(false);
    }

    @Override
    public int subunitState(int spine, int subunit) {
        return 0;
    }

    @Override
    public long eventCount() {
        return 0;
    }
}
