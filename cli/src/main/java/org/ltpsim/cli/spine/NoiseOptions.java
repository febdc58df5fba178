package org.ltpsim.cli.spine;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ltpsim.spine.ChannelFactory;
import org.ltpsim.spine.MeanFieldSources;
import org.ltpsim.spine.NoiseSource;
import org.ltpsim.spine.ReceptorChannels;

/**
 * How much noise a run has: the system-size factor K ({@code --scale}) and the sources made mean-field
 * ({@code --deterministic}: all; {@code --deterministic-sources}: some).
 *
 * @param scale K: release sites, receptors and holoenzymes times K, contributions divided (see SystemSize)
 * @param meanField the sources in their large-number limit
 */
public record NoiseOptions(double scale, Set<NoiseSource> meanField) {
    /** The stochastic model as it is. */
    public static final NoiseOptions NONE = new NoiseOptions(1, EnumSet.noneOf(NoiseSource.class));

    public NoiseOptions {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0: " + scale);
        }
        meanField = meanField.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(meanField));
    }

    /** Every source mean-field (scale 1): the deterministic limit. */
    public static NoiseOptions deterministic() {
        return new NoiseOptions(1, EnumSet.allOf(NoiseSource.class));
    }

    public NoiseOptions withScale(double k) {
        return new NoiseOptions(k, meanField);
    }

    public NoiseOptions withMeanField(Set<NoiseSource> sources) {
        return new NoiseOptions(scale, sources);
    }

    public boolean isDeterministic() {
        return meanField.size() == NoiseSource.values().length;
    }

    /** The kernels that make the branches: the production ones, or with some sources mean-field. */
    public ChannelFactory channels() {
        return meanField.isEmpty() ? new ReceptorChannels() : new MeanFieldSources(new ReceptorChannels(), meanField);
    }

    /** The mean-field sources in their fixed order, e.g. [release, nmda]. */
    public List<String> sourceKeys() {
        return EnumSet.copyOf(meanField.isEmpty() ? EnumSet.noneOf(NoiseSource.class) : EnumSet.copyOf(meanField))
                .stream().map(NoiseSource::key).toList();
    }

    /** For manifests and run identities. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("scale", scale);
        d.put("mean_field_sources", sourceKeys());
        d.put("deterministic", isDeterministic());
        return d;
    }
}
