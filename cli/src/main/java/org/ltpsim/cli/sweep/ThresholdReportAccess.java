package org.ltpsim.cli.sweep;

/** The threshold report's rounding (6 significant digits) for the built-in experiments' tables. */
public final class ThresholdReportAccess {
    private ThresholdReportAccess() {}

    public static double rounded(double value) {
        return ThresholdReport.rounded(value);
    }
}
