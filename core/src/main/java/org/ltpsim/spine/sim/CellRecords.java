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
}
