package org.ltpsim.spine;

import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.channels.ChannelPopulation;
import org.ltpsim.channels.MeanFieldChannelPopulation;

/**
 * The production kernels ({@link ReceptorChannels}) with some sources of noise replaced by their large-number
 * limit: release by its mean, AMPA / NMDA gating by state fractions times the receptor number, CaMKII by subunit
 * state fractions. With every source mean-field the branch draws no random number at all (the deterministic
 * limit). The streams of the other sources are the same as in the fully stochastic run (each source has its own).
 */
public final class MeanFieldSources implements ChannelFactory {
    private final ReceptorChannels stochastic;
    private final Set<NoiseSource> meanField;

    public MeanFieldSources(ReceptorChannels stochastic, Set<NoiseSource> meanField) {
        this.stochastic = stochastic;
        this.meanField = meanField.isEmpty() ? EnumSet.noneOf(NoiseSource.class) : EnumSet.copyOf(meanField);
    }

    /** Every source mean-field: the deterministic limit. */
    public static MeanFieldSources allMeanField() {
        return new MeanFieldSources(new ReceptorChannels(), EnumSet.allOf(NoiseSource.class));
    }

    /** The sources made mean-field. */
    public Set<NoiseSource> meanField() {
        return EnumSet.copyOf(meanField.isEmpty() ? EnumSet.noneOf(NoiseSource.class) : meanField);
    }

    @Override
    public ChannelPopulation create(Receptor receptor, int[] channelsPerSpine, UniformRandomProvider rng) {
        NoiseSource source = receptor == Receptor.AMPA ? NoiseSource.AMPA : NoiseSource.NMDA;
        return meanField.contains(source)
                ? new MeanFieldChannelPopulation(stochastic.scheme(receptor), channelsPerSpine)
                : stochastic.create(receptor, channelsPerSpine, rng);
    }

    @Override
    public boolean mayConduct(Receptor receptor, ChannelPopulation population, int spine) {
        if (population instanceof MeanFieldChannelPopulation meanFieldPopulation) {
            for (int state : stochastic.mayConductStates(receptor)) {
                if (meanFieldPopulation.expectedInState(spine, state) > MeanFieldChannelPopulation.NEGLIGIBLE_CHANNELS) {
                    return true;
                }
            }
            return false;
        }
        return stochastic.mayConduct(receptor, population, spine);
    }

    @Override
    public Release release(UniformRandomProvider rng) {
        return meanField.contains(NoiseSource.RELEASE) ? new MeanRelease() : new BernoulliRelease(rng);
    }

    @Override
    public CamkiiPopulation camkii(CamkiiParameters parameters, int spines, int holoenzymesPerSpine,
            UniformRandomProvider rng) {
        return meanField.contains(NoiseSource.CAMKII)
                ? CamkiiPopulations.createMeanField(parameters, spines, holoenzymesPerSpine)
                : CamkiiPopulations.create(parameters, spines, holoenzymesPerSpine, rng);
    }

    @Override
    public boolean deterministic() {
        return meanField.size() == NoiseSource.values().length;
    }
}
