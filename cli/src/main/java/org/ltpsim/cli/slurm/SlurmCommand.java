package org.ltpsim.cli.slurm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ltpsim slurm}: runs a sharded ltpsim command as a SLURM job array and merges it (docs/cluster.md). */
@Command(name = "slurm", footerHeading = "%nExamples:%n",
        footer = {"  ltpsim slurm submit --shards 16 --time 2:00:00 -- \\",
            "      ltpsim run --spines 100000 --out runs/big",
            "  ltpsim slurm status runs/big.slurm"},
        mixinStandardHelpOptions = true,
        description = "Run an ltpsim command as a SLURM job array of shards plus a merge job (docs/cluster.md).",
        subcommands = {SlurmSubmitCommand.class, SlurmStatusCommand.class, SlurmResubmitCommand.class})
public final class SlurmCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
