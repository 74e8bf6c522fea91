package io.dbsim.cli;

import io.dbsim.engine.RunListener;
import io.dbsim.experiment.ExperimentListener;
import io.dbsim.report.ProgressLine;

import java.io.PrintWriter;

/** An experiment on the console: what it does next, and each of its runs' progress lines, on standard error. */
class ConsoleExperimentListener implements ExperimentListener {

    private final PrintWriter err;
    private final RunListener others;

    /** @param others what the runs also tell, beside their progress lines (live metrics) */
    ConsoleExperimentListener(PrintWriter err, RunListener others) {
        this.err = err;
        this.others = others;
    }

    @Override
    public void said(String line) {
        err.println(line);
        err.flush();
    }

    @Override
    public RunListener runs() {
        return RunListener.all(new ProgressLine(err), others);
    }
}
