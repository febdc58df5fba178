package org.ltpsim.ssa;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.ltpsim.network.MassAction;
import org.ltpsim.network.Reaction;
import org.ltpsim.network.ReactionNetwork;
import org.ltpsim.rng.SsaVariates;

/**
 * Adaptive explicit tau-leaping with Cao, Gillespie &amp; Petzold's (2006, J. Chem. Phys. 124:044109) step
 * selection, as in StochKit. Each step:
 * <ol>
 *   <li><b>prepare</b>: propensities; a reaction is critical when it could exhaust a reactant within
 *       {@link #CRITICAL_FIRINGS} firings;</li>
 *   <li><b>select tau</b>: the largest leap that changes each reactant's propensity by at most {@link #EPSILON}
 *       (their eq. 33, with the highest-order factors g_i); if it is below {@link #EXACT_FACTOR}/a0, leaping would
 *       not pay and {@link #EXACT_STEPS} exact direct-method steps run instead;</li>
 *   <li><b>select reactions</b>: the critical reactions fire at most once, exactly (one exponential waiting time
 *       for all of them); the others fire Poisson(a_j tau) times (Commons RNG {@link PoissonSampler});</li>
 *   <li><b>fire, or roll back</b>: a leap that would make any count negative is discarded and retried with half
 *       the non-critical tau, so no count is ever negative.</li>
 * </ol>
 * Leaps stop exactly at output times and at time events (the critical waiting time is memoryless, so cutting a
 * leap short is exact); rules are re-applied and state events checked after every leap, so a state trigger can
 * only be detected at the end of a leap: an approximation, like the leap itself.
 */
final class TauLeaping implements RealisationSimulator {
    /** Cao et al.'s error-control parameter: relative change allowed in any propensity over one leap. */
    static final double EPSILON = 0.03;
    /** A reaction that can fire fewer than this many times before exhausting a reactant is critical. */
    static final int CRITICAL_FIRINGS = 10;
    /** Leap only when tau exceeds this many mean exact waiting times (1/a0). */
    static final double EXACT_FACTOR = 10.0;
    /** Exact steps run when a leap does not pay (Cao et al. 2006 use 100). */
    static final int EXACT_STEPS = 100;

    private final ReactionNetwork network;
    private final double[] timesSec;
    private final ReactionLaws laws;
    private final int[][] changedSpecies;
    private final int[][] changes;
    /** Per reaction: species consumed (net change < 0) and how many per firing. */
    private final int[][] consumedSpecies;
    private final int[][] consumedAmount;
    /** Per reactant species: highest reaction order it takes part in, and its own highest order there. */
    private final int[] highestOrder;
    private final int[] ownOrderAtHighest;
    private final boolean[] isReactant;
    private final double[] state;
    private final double[] trial;
    private final double[] propensity;
    private final boolean[] critical;
    private final long[] firings;
    private final double[] mu;
    private final double[] sigma2;
    /** Per species: gross consumption rate by the non-critical reactions (molecules per second). */
    private final double[] consumption;
    private final RulesAndEvents rulesAndEvents;
    /** The exact steps taken where a leap does not pay. */
    private final DirectMethodLoop exact;

    TauLeaping(ReactionNetwork network, double[] timesSec) {
        this.network = network;
        this.timesSec = timesSec;
        List<Reaction> reactions = network.reactions();
        int reactionCount = reactions.size();
        int stateSize = network.stateSize();
        laws = new ReactionLaws(network);
        changedSpecies = laws.changedSpecies;
        changes = laws.changes;
        consumedSpecies = new int[reactionCount][];
        consumedAmount = new int[reactionCount][];
        highestOrder = new int[stateSize];
        ownOrderAtHighest = new int[stateSize];
        isReactant = new boolean[stateSize];
        for (int j = 0; j < reactionCount; j++) {
            Reaction reaction = reactions.get(j);
            int consumed = 0;
            for (int c : changes[j]) {
                consumed += c < 0 ? 1 : 0;
            }
            consumedSpecies[j] = new int[consumed];
            consumedAmount[j] = new int[consumed];
            int n = 0;
            for (int i = 0; i < changes[j].length; i++) {
                if (changes[j][i] < 0) {
                    consumedSpecies[j][n] = changedSpecies[j][i];
                    consumedAmount[j][n] = -changes[j][i];
                    n++;
                }
            }
            // reactant orders: the mass-action form when there is one, else the consumed amounts
            MassAction law = reaction.massAction();
            int[] reactantSpecies = law != null ? law.species() : consumedSpecies[j];
            int[] reactantOrder = law != null ? law.orders() : consumedAmount[j];
            int order = 0;
            for (int o : reactantOrder) {
                order += o;
            }
            for (int i = 0; i < reactantSpecies.length; i++) {
                int s = reactantSpecies[i];
                isReactant[s] = true;
                if (order > highestOrder[s] || (order == highestOrder[s] && reactantOrder[i] > ownOrderAtHighest[s])) {
                    highestOrder[s] = order;
                    ownOrderAtHighest[s] = reactantOrder[i];
                }
            }
        }
        state = new double[stateSize];
        trial = new double[stateSize];
        propensity = new double[reactionCount];
        critical = new boolean[reactionCount];
        firings = new long[reactionCount];
        mu = new double[stateSize];
        sigma2 = new double[stateSize];
        consumption = new double[stateSize];
        rulesAndEvents = new RulesAndEvents(network, state);
        exact = new DirectMethodLoop(laws::evaluateAll, laws.changeStart, laws.changeSpecies, laws.changeDelta,
                rulesAndEvents, false, timesSec, network.speciesCount(), state, propensity);
    }

    @Override
    public long run(UniformRandomProvider rng, double[] row) {
        final double[] x = state;
        final double[] a = propensity;
        final double[] times = timesSec;
        final int timeCount = times.length;
        final int speciesCount = network.speciesCount();
        final int reactionCount = laws.reactionCount();
        final RulesAndEvents hooks = rulesAndEvents;
        System.arraycopy(network.initialState(), 0, x, 0, x.length);
        double t = 0.0;
        hooks.start();
        int next = 0;
        long events = 0;
        while (true) {
            // outputs due now (a leap that ends at an output time lands exactly on it)
            next = DirectMethodLoop.record(times, speciesCount, x, row, next, t, true);
            if (next == timeCount) {
                return events;
            }
            // prepare
            double a0 = laws.evaluateAll(x, t, a);
            double tStop = Math.min(times[next], hooks.nextTimeEventSec());
            if (a0 == 0) {
                t = tStop;
                if (t == hooks.nextTimeEventSec()) {
                    hooks.fireTimeEvents(t);
                }
                continue;
            }
            double a0Critical = 0.0;
            for (int j = 0; j < reactionCount; j++) {
                critical[j] = a[j] > 0 && firingsLeft(j) < CRITICAL_FIRINGS;
                if (critical[j]) {
                    a0Critical += a[j];
                }
            }
            // select tau
            double tauLeap = selectTau();
            if (tauLeap < EXACT_FACTOR / a0) {
                // up to EXACT_STEPS direct-method steps, stopping after a time event; outputs recorded as they pass
                exact.resumeAt(t, next);
                events += exact.advance(rng, row, EXACT_STEPS, true);
                t = exact.timeSec();
                next = exact.nextOutput();
                continue;
            }
            // select reactions, fire, or roll back
            while (true) {
                double tauCritical = a0Critical > 0
                        ? SsaVariates.exponential(rng.nextLong()) / a0Critical : Double.POSITIVE_INFINITY;
                boolean fireCritical = tauCritical <= tauLeap;
                double tau = fireCritical ? tauCritical : tauLeap;
                boolean stopped = false;
                if (t + tau >= tStop) {
                    tau = tStop - t;
                    fireCritical = false;
                    stopped = true;
                }
                System.arraycopy(x, 0, trial, 0, x.length);
                long fired = 0;
                for (int j = 0; j < reactionCount; j++) {
                    long k = 0;
                    double mean = a[j] * tau;
                    if (!critical[j] && mean > 0) {
                        k = PoissonSampler.of(rng, mean).sample();
                    }
                    firings[j] = k;
                }
                if (fireCritical) {
                    double target = SsaVariates.uniform(rng.nextLong()) * a0Critical;
                    double cumulative = 0.0;
                    int chosen = -1;
                    for (int j = 0; j < reactionCount; j++) {
                        if (critical[j]) {
                            cumulative += a[j];
                            chosen = j;
                            if (target < cumulative) {
                                break;
                            }
                        }
                    }
                    firings[chosen] = 1;
                }
                boolean negative = false;
                for (int j = 0; j < reactionCount; j++) {
                    long k = firings[j];
                    if (k == 0) {
                        continue;
                    }
                    fired += k;
                    int[] species = changedSpecies[j];
                    int[] delta = changes[j];
                    for (int i = 0; i < species.length; i++) {
                        trial[species[i]] += k * delta[i];
                    }
                }
                for (int s = 0; s < speciesCount; s++) {
                    negative |= trial[s] < 0;
                }
                if (negative) {
                    tauLeap = Math.min(tauLeap, tau) / 2;
                    continue;
                }
                System.arraycopy(trial, 0, x, 0, x.length);
                assert noNegativeSpecies() : "negative count after a leap";
                events += fired;
                t = stopped ? tStop : t + tau;
                hooks.afterChange(t);
                if (stopped && t == hooks.nextTimeEventSec()) {
                    hooks.fireTimeEvents(t); // outputs at t are recorded next, after the event
                }
                break;
            }
        }
    }

    private boolean noNegativeSpecies() {
        for (int s = 0; s < network.speciesCount(); s++) {
            if (state[s] < 0) {
                return false;
            }
        }
        return true;
    }

    /** L_j: how many times reaction j can fire before a consumed species runs out. */
    private double firingsLeft(int j) {
        double left = Double.POSITIVE_INFINITY;
        int[] species = consumedSpecies[j];
        int[] amount = consumedAmount[j];
        for (int i = 0; i < species.length; i++) {
            left = Math.min(left, Math.floor(state[species[i]] / amount[i]));
        }
        return left;
    }

    /** Cao et al. (2006) eq. 33 over the non-critical reactions; +infinity when there are none. */
    private double selectTau() {
        final int stateSize = state.length;
        java.util.Arrays.fill(mu, 0.0);
        java.util.Arrays.fill(sigma2, 0.0);
        java.util.Arrays.fill(consumption, 0.0);
        boolean any = false;
        for (int j = 0; j < laws.reactionCount(); j++) {
            if (critical[j] || !(propensity[j] > 0)) {
                continue;
            }
            any = true;
            int[] species = changedSpecies[j];
            int[] delta = changes[j];
            for (int i = 0; i < species.length; i++) {
                mu[species[i]] += delta[i] * propensity[j];
                sigma2[species[i]] += (double) delta[i] * delta[i] * propensity[j];
            }
            for (int i = 0; i < consumedSpecies[j].length; i++) {
                consumption[consumedSpecies[j][i]] += consumedAmount[j][i] * propensity[j];
            }
        }
        if (!any) {
            return Double.POSITIVE_INFINITY;
        }
        double tau = Double.POSITIVE_INFINITY;
        for (int s = 0; s < stateSize; s++) {
            if (!isReactant[s] || (mu[s] == 0 && sigma2[s] == 0)) {
                continue;
            }
            double bound = Math.max(EPSILON * state[s] / g(s), 1.0);
            if (mu[s] != 0) {
                tau = Math.min(tau, bound / Math.abs(mu[s]));
            }
            if (sigma2[s] != 0) {
                tau = Math.min(tau, bound * bound / sigma2[s]);
            }
            // Stability bound added to Cao's: near equilibrium mu ~ 0 and sigma^2 lets tau grow to several
            // relaxation times, where explicit leaping inflates the variance (stiffness). Limiting the gross
            // consumption of each reactant per leap to the same relative change keeps k*tau <= eps for decay.
            if (consumption[s] != 0) {
                tau = Math.min(tau, bound / consumption[s]);
            }
        }
        return tau;
    }

    /** Cao et al.'s g_i: how the highest-order reaction of species i amplifies its relative change. */
    private double g(int s) {
        double x = state[s];
        int order = highestOrder[s];
        int own = ownOrderAtHighest[s];
        if (order <= 1) {
            return 1.0;
        }
        if (order == 2) {
            return own >= 2 && x > 1 ? 2.0 + 1.0 / (x - 1) : 2.0;
        }
        if (order == 3) {
            if (own >= 3 && x > 2) {
                return 3.0 + 1.0 / (x - 1) + 2.0 / (x - 2);
            }
            if (own == 2 && x > 1) {
                return 1.5 * (2.0 + 1.0 / (x - 1));
            }
            return 3.0;
        }
        return order; // beyond third order Cao et al. give no formula: the order bounds the amplification
    }
}
