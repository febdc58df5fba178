package org.ltpsim.camkii;

/**
 * The large-number limit of the subunit model ({@link HoloenzymePopulation}) in its simplest closure: per spine the
 * fractions of subunits in the four states, with no randomness. Reactions and rates are the stochastic model's
 * (calcium frozen over a call):
 * <pre>
 *   i' = -kon i + off c + r (a) + turnover (1 - i)        r = Vmax / (Km + S (pc + a)): PP1 per phosphorylated
 *   c' =  kon i - off c - auto A c + r pc - turnover c        subunit, S subunits per spine
 *   pc' = auto A c - offT pc + kon a - r pc - turnover pc
 *   a' =  offT pc - kon a - r a - turnover a                A = c + pc + a: the left neighbour is active
 * </pre>
 * The one approximation beyond the law of large numbers is the closure {@code P(left neighbour active) = A}: the
 * states of ring neighbours are treated as independent (mean-field on the ring). The exact limit of many
 * holoenzymes would be a master equation over the 4^6 configurations of a ring; the closure keeps the model's
 * bistability (PP1 saturation) and costs four numbers per spine. Phospho-I1 (PP1 under calcium control) relaxes
 * exactly as in the stochastic model, PP1's Vmax following it. Integrated by classical Runge-Kutta on sub-steps of
 * at most 5% of the fastest rate's time constant.
 *
 * <p>The switch (Schmitt trigger on the phosphorylated fraction pc + a) and the LTP criterion are evaluated on the
 * fractions after every call. Integer views round the expected counts.
 */
public final class MeanFieldCamkiiPopulation implements CamkiiPopulation {
    private static final int I = 0;
    private static final int C = 1;
    private static final int PC = 2;
    private static final int A = 3;

    private final CamkiiParameters parameters;
    private final int spines;
    private final int holoenzymes;
    private final int subunits;
    private final double[] x; // spine-major fractions, 4 per spine
    private final double[] i1Phospho;
    private final boolean[] on;
    private final double[] onSince;
    private final double[] stateSince;
    private final double[] longestOn;
    private final SwitchLifetimes lifetimes = new SwitchLifetimes(false);
    private final double offHz;
    private final double offTrappedHz;
    private final double autoHz;
    private final double vmaxHz;
    private final double kmSubunits;
    private final double turnoverHz;
    private final double vmaxPerFreeHz;
    private final double[] k1 = new double[4];
    private final double[] k2 = new double[4];
    private final double[] k3 = new double[4];
    private final double[] k4 = new double[4];
    private final double[] y = new double[4];
    private double timeSec;

    MeanFieldCamkiiPopulation(CamkiiParameters parameters, int spines, int holoenzymes) {
        this.parameters = parameters;
        this.spines = spines;
        this.holoenzymes = holoenzymes;
        this.subunits = holoenzymes * SubunitLayout.PER_HOLOENZYME;
        this.x = new double[spines * 4];
        this.i1Phospho = new double[spines];
        this.on = new boolean[spines];
        this.onSince = new double[spines];
        this.stateSince = new double[spines];
        this.longestOn = new double[spines];
        this.offHz = parameters.camOffHz();
        this.offTrappedHz = parameters.camOffTrappedHz();
        this.autoHz = parameters.effectiveAutoHz();
        this.vmaxHz = parameters.pp1VmaxHz(holoenzymes);
        this.kmSubunits = parameters.pp1KmSubunits(holoenzymes);
        this.turnoverHz = parameters.turnoverPerHour() / 3600.0;
        double i1Rest = parameters.i1PhosphoSteady(parameters.pp1RestMicroMolar());
        this.vmaxPerFreeHz = vmaxHz / parameters.pp1FreeFraction(i1Rest);
        for (int s = 0; s < spines; s++) {
            x[s * 4 + I] = 1.0;
            i1Phospho[s] = i1Rest;
            onSince[s] = Double.NaN;
        }
    }

    @Override
    public int spineCount() {
        return spines;
    }

    @Override
    public int holoenzymesPerSpine() {
        return holoenzymes;
    }

    @Override
    public int subunitCount(int spine) {
        return subunits;
    }

    @Override
    public double timeSec() {
        return timeSec;
    }

    @Override
    public void advance(double dtSec, double[] caMicroMolar) {
        check(dtSec);
        for (int s = 0; s < spines; s++) {
            advanceSpine(s, dtSec, caMicroMolar[s]);
        }
        timeSec += dtSec;
        for (int s = 0; s < spines; s++) {
            updateSwitch(s);
        }
    }

    @Override
    public void advanceUniform(double dtSec, double caMicroMolar) {
        check(dtSec);
        for (int s = 0; s < spines; s++) {
            advanceSpine(s, dtSec, caMicroMolar);
        }
        timeSec += dtSec;
        for (int s = 0; s < spines; s++) {
            updateSwitch(s);
        }
    }

    private static void check(double dtSec) {
        if (!(dtSec >= 0) || Double.isInfinite(dtSec)) {
            throw new IllegalArgumentException("dtSec must be finite and >= 0: " + dtSec);
        }
    }

    /** Runge-Kutta sub-steps at frozen calcium; Vmax from each sub-step's phospho-I1, which then relaxes exactly. */
    private void advanceSpine(int s, double dtSec, double ca) {
        if (!(ca >= 0)) {
            throw new IllegalArgumentException("calcium must be >= 0 uM: " + ca);
        }
        if (dtSec == 0) {
            return;
        }
        double kon = parameters.camOnHz(ca);
        boolean control = parameters.pp1CalciumControl();
        double i1Rate = control ? parameters.i1PkaHz() + parameters.i1CanMaxHz() * parameters.calcineurinActivity(ca)
                : 0;
        double i1Steady = control ? parameters.i1PkaHz() / i1Rate : 0;
        double vmaxBound = control ? vmaxPerFreeHz : vmaxHz;
        double fastest = kon + offHz + autoHz + offTrappedHz + turnoverHz
                + (kmSubunits > 0 ? vmaxBound / kmSubunits : vmaxBound * 1e6);
        int steps = (int) Math.max(1, Math.ceil(dtSec * fastest / 0.05));
        double h = dtSec / steps;
        int base = s * 4;
        for (int k = 0; k < steps; k++) {
            double vmax = control ? vmaxPerFreeHz * parameters.pp1FreeFraction(i1Phospho[s]) : vmaxHz;
            rk4(base, h, kon, vmax);
            if (control) {
                i1Phospho[s] = i1Steady + (i1Phospho[s] - i1Steady) * Math.exp(-i1Rate * h);
            }
        }
    }

    private void rk4(int base, double h, double kon, double vmax) {
        for (int j = 0; j < 4; j++) {
            y[j] = x[base + j];
        }
        derivative(y, kon, vmax, k1);
        for (int j = 0; j < 4; j++) {
            y[j] = x[base + j] + 0.5 * h * k1[j];
        }
        derivative(y, kon, vmax, k2);
        for (int j = 0; j < 4; j++) {
            y[j] = x[base + j] + 0.5 * h * k2[j];
        }
        derivative(y, kon, vmax, k3);
        for (int j = 0; j < 4; j++) {
            y[j] = x[base + j] + h * k3[j];
        }
        derivative(y, kon, vmax, k4);
        double sum = 0;
        for (int j = 0; j < 4; j++) {
            double v = x[base + j] + h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            v = Math.max(0.0, v);
            x[base + j] = v;
            sum += v;
        }
        for (int j = 0; j < 4; j++) {
            x[base + j] /= sum; // fractions sum to 1; removes the integrator's drift
        }
    }

    private void derivative(double[] f, double kon, double vmax, double[] out) {
        double active = f[C] + f[PC] + f[A];
        double phospho = f[PC] + f[A];
        double r = vmax / (kmSubunits + subunits * Math.max(0.0, phospho));
        double bind = kon * f[I];
        double unbind = offHz * f[C];
        double auto = autoHz * active * f[C];
        double trapOff = offTrappedHz * f[PC];
        double rebind = kon * f[A];
        double dephosPc = r * f[PC];
        double dephosA = r * f[A];
        out[I] = -bind + unbind + dephosA + turnoverHz * (1 - f[I]);
        out[C] = bind - unbind - auto + dephosPc - turnoverHz * f[C];
        out[PC] = auto - trapOff + rebind - dephosPc - turnoverHz * f[PC];
        out[A] = trapOff - rebind - dephosA - turnoverHz * f[A];
    }

    private void updateSwitch(int s) {
        double phospho = phosphorylatedFraction(s);
        if (!on[s] && phospho >= parameters.onFraction()) {
            if (stateSince[s] > 0) {
                lifetimes.record(false, timeSec - stateSince[s]);
            }
            on[s] = true;
            onSince[s] = timeSec;
            stateSince[s] = timeSec;
        } else if (on[s] && phospho <= parameters.offFraction()) {
            lifetimes.record(true, timeSec - onSince[s]);
            longestOn[s] = Math.max(longestOn[s], timeSec - onSince[s]);
            on[s] = false;
            onSince[s] = Double.NaN;
            stateSince[s] = timeSec;
        }
    }

    /** Fraction of the spine's subunits T286-phosphorylated (a real number). */
    public double phosphorylatedFraction(int spine) {
        return x[spine * 4 + PC] + x[spine * 4 + A];
    }

    @Override
    public int phosphorylatedSubunits(int spine) {
        return (int) Math.round(phosphorylatedFraction(spine) * subunits);
    }

    @Override
    public int activeSubunits(int spine) {
        int b = spine * 4;
        return (int) Math.round((x[b + C] + x[b + PC] + x[b + A]) * subunits);
    }

    @Override
    public int autonomousSubunits(int spine) {
        return (int) Math.round(x[spine * 4 + A] * subunits);
    }

    @Override
    public double pp1ActivityFactor(int spine) {
        return parameters.pp1CalciumControl()
                ? vmaxPerFreeHz * parameters.pp1FreeFraction(i1Phospho[spine]) / vmaxHz : 1.0;
    }

    @Override
    public boolean isOn(int spine) {
        return on[spine];
    }

    @Override
    public double onSinceSec(int spine) {
        return onSince[spine];
    }

    @Override
    public double stateSinceSec(int spine) {
        return stateSince[spine];
    }

    @Override
    public double longestOnSec(int spine) {
        return on[spine] ? Math.max(longestOn[spine], timeSec - onSince[spine]) : longestOn[spine];
    }

    @Override
    public boolean hasLtp(int spine) {
        return on[spine] && timeSec - onSince[spine] >= parameters.ltpMinOnSec();
    }

    @Override
    public SwitchLifetimes lifetimes() {
        return lifetimes;
    }

    @Override
    public int subunitState(int spine, int subunit) {
        throw new UnsupportedOperationException("a mean-field CaMKII population has no individual subunits");
    }

    @Override
    public long eventCount() {
        return 0;
    }
}
