/**
 * The differential check between the kernel and the simulator: run a scenario on both ({@link
 * netsim.diff.Comparison}), normalise each run for exactly what the kernel makes random or
 * time-dependent ({@link netsim.diff.Normaliser}), compare line by line, and report ({@link
 * netsim.diff.DiffReport}, rendered by {@link netsim.diff.ReportText} for people and {@link
 * netsim.diff.ReportJson} for machines).
 */
package netsim.diff;
