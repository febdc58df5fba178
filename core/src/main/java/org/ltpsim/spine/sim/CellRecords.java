package org.ltpsim.spine.sim;

/**
 * The neurons' shared state at each weight record time: the nuclear signal, transcripts and protein pool, as of
 * the last synchronisation point at or before the record time; and per neuron the totals at the end.
 */
final class CellRecords {
    final double[][] signal; // [neuron][record]
    final double[][] transcripts;
    final double[][] proteins;
    final double[] overdraftUnits; // [neuron]
    final double[] capturedUnits;
    final long[] inductions;

    CellRecords(int neurons, int records) {
        signal = new double[neurons][records];
        transcripts = new double[neurons][records];
        proteins = new double[neurons][records];
        overdraftUnits = new double[neurons];
        capturedUnits = new double[neurons];
        inductions = new long[neurons];
    }

    /** The neurons of {@code parts} one after another (each part's neurons in order). */
    static CellRecords concat(java.util.List<CellRecords> parts) {
        int neurons = 0;
        for (CellRecords c : parts) {
            neurons += c.signal.length;
        }
        int records = parts.isEmpty() || parts.get(0).signal.length == 0 ? 0 : parts.get(0).signal[0].length;
        CellRecords all = new CellRecords(neurons, records);
        int k = 0;
        for (CellRecords c : parts) {
            for (int j = 0; j < c.signal.length; j++, k++) {
                if (c.signal[j].length != records) {
                    throw new IllegalArgumentException("neurons with different record counts: " + records + ", "
                            + c.signal[j].length);
                }
                all.signal[k] = c.signal[j];
                all.transcripts[k] = c.transcripts[j];
                all.proteins[k] = c.proteins[j];
                all.overdraftUnits[k] = c.overdraftUnits[j];
                all.capturedUnits[k] = c.capturedUnits[j];
                all.inductions[k] = c.inductions[j];
            }
        }
        return all;
    }
}
