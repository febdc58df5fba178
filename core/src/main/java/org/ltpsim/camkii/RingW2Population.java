package org.ltpsim.camkii;

import static org.ltpsim.camkii.SubunitLayout.PER_HOLOENZYME;
import static org.ltpsim.camkii.SubunitLayout.left;
import static org.ltpsim.camkii.SubunitLayout.right;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The W2 ring model (bench-models/camkii_ring.bngl) on the subunit kernel: one byte p in {0, 1} per subunit,
 * two closed 6-rings per holoenzyme, calcium fixed (the calcium argument of {@link #advance} is ignored).
 * <pre>
 *   initiation:          p=0 with right neighbour p=0  -> p=1   initHz
 *   autophosphorylation: p=0 with left neighbour p=1   -> p=1   autoHz
 *   dephosphorylation:   p=1                            -> p=0   offHz
 * </pre>
 * A p=0 subunit's total rate depends only on its two neighbours, so the subunits fall into five classes
 * (blocked, initiation only, both, autophosphorylation only, phosphorylated) of equal per-subunit rate, kept by
 * {@link ClassPartition}; an event draws one uniform (class and subunit) and one Exp(1) and re-files at most
 * three subunits. Same exact SSA stepping as {@link HoloenzymePopulation}.
 */
final class RingW2Population implements CamkiiPopulation {
    static final int K_BLOCKED = 0; // p=0, right p=1, left p=0: rate 0
    static final int K_INIT = 1; // p=0, right p=0, left p=0
    static final int K_BOTH = 2; // p=0, right p=0, left p=1
    static final int K_AUTO = 3; // p=0, right p=1, left p=1
    static final int K_ON = 4; // p=1
    static final int CLASSES = 5;
    /** Class by code p | left << 1 | right << 2. */
    private static final byte[] CLASS_OF = {
        K_INIT, K_ON, K_BOTH, K_ON, K_BLOCKED, K_ON, K_AUTO, K_ON
    };

    private final int spines;
    private final int holoenzymes;
    private final int perSpine;
    private final byte[] p;
    private final ClassPartition part;
    private final double[] residual;
    private final SwitchTracker tracker;
    private final UniformRandomProvider rng;
    private final ContinuousSampler exp;
    private final double initHz;
    private final double bothHz;
    private final double autoHz;
    private final double offHz;
    private double timeSec;
    private long events;

    RingW2Population(RingW2Parameters parameters, int spines, int holoenzymes, UniformRandomProvider rng,
            double onFraction, double offFraction, boolean keepLifetimes) {
        this.spines = spines;
        this.holoenzymes = holoenzymes;
        this.perSpine = Math.multiplyExact(holoenzymes, PER_HOLOENZYME);
        this.p = new byte[Math.multiplyExact(spines, perSpine)];
        this.part = new ClassPartition(spines, perSpine, CLASSES, K_INIT);
        this.residual = new double[spines];
        this.tracker = new SwitchTracker(spines, perSpine, onFraction, offFraction, Double.POSITIVE_INFINITY,
                keepLifetimes);
        this.rng = rng;
        this.exp = ZigguratSampler.Exponential.of(rng);
        this.initHz = parameters.initHz();
        this.autoHz = parameters.autoHz();
        this.bothHz = initHz + autoHz;
        this.offHz = parameters.offHz();
        for (int spine = 0; spine < spines; spine++) {
            residual[spine] = exp.sample();
        }
    }

    @Override
    public void advance(double dtSec, double[] caMicroMolar) {
        advanceUniform(dtSec, 0.0);
    }

    @Override
    public void advanceUniform(double dtSec, double caMicroMolar) {
        if (!(dtSec >= 0 && dtSec < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("dtSec must be finite and >= 0: " + dtSec);
        }
        for (int spine = 0; spine < spines; spine++) {
            advanceSpine(spine, dtSec);
        }
        timeSec += dtSec;
    }

    private void advanceSpine(int spine, double dtSec) {
        // locals: the JIT keeps them in registers across the event loop
        final int[] members = part.members;
        final int[] position = part.position;
        final byte[] classOf = part.classOf;
        final int[] start = part.start;
        final byte[] p = this.p;
        final int base = part.subunitBase(spine);
        final int sb = part.startBase(spine);
        final int n = perSpine;
        final double initHz = this.initHz;
        final double bothHz = this.bothHz;
        final double autoHz = this.autoHz;
        final double offHz = this.offHz;
        // multiplications instead of divisions in the selection (a class of rate 0 is never selected)
        final double invInit = inverse(initHz);
        final double invBoth = inverse(bothHz);
        final double invAuto = inverse(autoHz);
        final double invOff = inverse(offHz);
        final UniformRandomProvider rng = this.rng;
        final ContinuousSampler exp = this.exp;
        final SwitchTracker tracker = this.tracker;
        double resid = residual[spine];
        double remaining = dtSec;
        long fired = 0;
        while (true) {
            // prepare: class sizes from the boundaries (class K_BLOCKED starts at 0, K_ON ends at n)
            final int s1 = start[sb + K_INIT];
            final int s2 = start[sb + K_BOTH];
            final int s3 = start[sb + K_AUTO];
            final int s4 = start[sb + K_ON];
            final double c1 = (s2 - s1) * initHz;
            final double c2 = c1 + (s3 - s2) * bothHz;
            final double c3 = c2 + (s4 - s3) * autoHz;
            final double a0 = c3 + (n - s4) * offHz;
            // select tau
            if (!(a0 * remaining > resid)) {
                resid -= a0 * remaining;
                break;
            }
            remaining -= resid / a0;
            if (remaining < 0) {
                remaining = 0;
            }
            // select: one uniform picks the class and the member (its position within the class)
            int position0;
            while (true) {
                final double target = rng.nextDouble() * a0;
                if (target < c1) {
                    position0 = s1 + index(target * invInit, s2 - s1);
                } else if (target < c2) {
                    position0 = s2 + index((target - c1) * invBoth, s3 - s2);
                } else if (target < c3) {
                    position0 = s3 + index((target - c2) * invAuto, s4 - s3);
                } else if (target < a0) {
                    position0 = s4 + index((target - c3) * invOff, n - s4);
                } else {
                    continue; // rounding put the target on the upper boundary: draw again
                }
                break;
            }
            // fire: flip the subunit, re-file it and both neighbours (each sees it through one bit)
            final int i = members[base + position0];
            final int l = left(i);
            final int r = right(i);
            final int pi = p[base + i] ^ 1;
            p[base + i] = (byte) pi;
            final int pl = p[base + l];
            final int pr = p[base + r];
            ClassPartition.move(members, position, classOf, start, base, sb, i, CLASS_OF[pi | pl << 1 | pr << 2]);
            if (pl == 0) {
                ClassPartition.move(members, position, classOf, start, base, sb, l,
                        CLASS_OF[p[base + left(l)] << 1 | pi << 2]);
            }
            if (pr == 0) {
                ClassPartition.move(members, position, classOf, start, base, sb, r,
                        CLASS_OF[pi << 1 | p[base + right(r)] << 2]);
            }
            fired++;
            tracker.update(spine, n - start[sb + K_ON], timeSec + (dtSec - remaining));
            resid = exp.sample();
        }
        events += fired;
        residual[spine] = resid;
    }

    private static double inverse(double rateHz) {
        return rateHz > 0 ? 1.0 / rateHz : 0.0;
    }

    private static int index(double x, int count) {
        int index = (int) x;
        return index < count ? index : count - 1;
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
        return perSpine;
    }

    @Override
    public double timeSec() {
        return timeSec;
    }

    @Override
    public int phosphorylatedSubunits(int spine) {
        return part.count(spine, K_ON);
    }

    @Override
    public int activeSubunits(int spine) {
        return part.count(spine, K_ON);
    }

    @Override
    public int autonomousSubunits(int spine) {
        return part.count(spine, K_ON);
    }

    @Override
    public boolean isOn(int spine) {
        return tracker.isOn(spine);
    }

    @Override
    public double onSinceSec(int spine) {
        return tracker.onSinceSec(spine);
    }

    @Override
    public double stateSinceSec(int spine) {
        return tracker.stateSinceSec(spine);
    }

    @Override
    public double longestOnSec(int spine) {
        return tracker.longestOnSec(spine, timeSec);
    }

    @Override
    public boolean hasLtp(int spine) {
        return false; // the benchmark model has no LTP criterion
    }

    @Override
    public SwitchLifetimes lifetimes() {
        return tracker.lifetimes();
    }

    @Override
    public int subunitState(int spine, int subunit) {
        return p[spine * perSpine + subunit];
    }

    @Override
    public long eventCount() {
        return events;
    }

    /** Consistency check for tests. */
    boolean classesConsistent() {
        for (int spine = 0; spine < spines; spine++) {
            int base = spine * perSpine;
            int count = 0;
            for (int i = 0; i < perSpine; i++) {
                int code = p[base + i] | p[base + left(i)] << 1 | p[base + right(i)] << 2;
                if (part.classOf(spine, i) != CLASS_OF[code]) {
                    return false;
                }
                count += p[base + i];
            }
            if (count != part.count(spine, K_ON)) {
                return false;
            }
        }
        return true;
    }
}
