package io.dbsim.experiment;

import io.dbsim.Text;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.RunReports;
import io.dbsim.analysis.compare.PlanChange;
import io.dbsim.analysis.compare.RunSample;
import io.dbsim.db.CandidateMigrations;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.Migrator;
import io.dbsim.engine.RunListener;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.observe.PlanOutline;
import io.dbsim.settings.Durations;
import io.dbsim.settings.RunSettings;
import io.dbsim.workload.CapturedStatement;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A schema change tested under load: runs at the current schema (A) and with the candidate migrations (B),
 * the same seed and so the same operation mix and key sequence each time, in ABBA order when the change can be
 * taken back between runs (else all A runs first), with the plans of the statements A sent outlined at A and
 * at B. {@link #backToA} leaves the database at A when the change can be undone.
 */
public final class AbExperiment {

    /** The finished runs of each side, in order, how they were made, and the plans that changed. */
    public record Outcome(List<RunSample> a, List<RunSample> b, List<String> notes, List<PlanChange> planChanges) {
    }

    private final RunSettings config;
    private final Workload workload;
    private final Pattern pattern;
    private final ConnectionInfo connection;
    private final Migrator migrator;
    private final List<String> withChange;
    private final CandidateMigrations change;
    private final CandidateMigrations.Undo undo;
    private final Connection control;
    private final String candidates;
    private final Duration warmUpRun;
    private final int repeat;
    private final ExperimentListener listener;
    private final BeforeRun beforeRun;
    private final Stoppable runs = new Stoppable();
    private Map<String, PlanOutline> plansA;
    private Map<String, PlanOutline> plansB;
    private List<CapturedStatement> captured = List.of();
    private boolean atB;

    /**
     * @param withChange  the migration folders of B (A's folders and the candidates)
     * @param control     a connection of its own for migrating, taking back and EXPLAINing between runs
     * @param candidates  the candidates' folder, as messages name it
     */
    public AbExperiment(RunSettings config, Workload workload, Pattern pattern, ConnectionInfo connection, Migrator migrator, List<String> withChange,
                        CandidateMigrations change, CandidateMigrations.Undo undo, Connection control, String candidates,
                        Duration warmUpRun, int repeat, ExperimentListener listener, BeforeRun beforeRun) {
        this.config = config;
        this.workload = workload;
        this.pattern = pattern;
        this.connection = connection;
        this.migrator = migrator;
        this.withChange = withChange;
        this.change = change;
        this.undo = undo;
        this.control = control;
        this.candidates = candidates;
        this.warmUpRun = warmUpRun;
        this.repeat = repeat;
        this.listener = listener;
        this.beforeRun = beforeRun;
    }

    public void stop(long timeout, TimeUnit unit) throws InterruptedException {
        runs.stop(timeout, unit);
    }

    public Outcome run() throws SQLException {
        List<RunSample> a = new ArrayList<>();
        List<RunSample> b = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Boolean> order = order(notes);
        notes.add("every run with seed " + config.seed() + ": the same operation mix and key sequence");
        if (!config.thresholds().isEmpty()) {
            notes.add("the scenario's thresholds are not checked here: ab's gate is --fail-on-regression");
        }
        if (!warmUpRun.isZero() && !runs.stopped()) {
            listener.said("ab: warming up at A for " + Durations.format(warmUpRun) + " (not measured)");
            runs.run(new Simulation(config.steadyFor(warmUpRun), workload, pattern, connection, RunListener.NONE));
        }
        for (int i = 0; i < order.size() && !runs.stopped(); i++) {
            boolean wantB = order.get(i);
            if (wantB && !atB) {
                atB = true;
                migrator.migrate(withChange);
                if (plansB == null && plansA != null) {
                    plansB = PlanOutline.of(control, captured);
                }
            } else if (!wantB && atB) {
                change.takeBack(control, undo);
                atB = false;
            }
            List<RunSample> side = wantB ? b : a;
            String label = (wantB ? "B" : "A") + (side.size() + 1);
            listener.said("ab: run " + (i + 1) + "/" + order.size() + ": " + label + " ("
                    + (wantB ? "with " + candidates : "current schema") + ")");
            beforeRun.prepare("ab: " + label);
            RunResult result = runs.run(new Simulation(config, workload, pattern, connection, listener.runs()));
            if (result == null || result.interrupted()) {
                break;
            }
            if (plansA == null && !wantB) {
                captured = result.observation() == null ? List.of() : result.observation().captured();
                plansA = PlanOutline.of(control, captured);
            }
            RunReport report = RunReports.of(result, List.of(), null);
            listener.runDone(label, report);
            side.add(RunSample.of(label, report));
        }
        return new Outcome(List.copyOf(a), List.copyOf(b), List.copyOf(notes), planChanges());
    }

    /** ABBA when the change can be taken back; else every A run before every B run, and the notes say which. */
    private List<Boolean> order(List<String> notes) {
        List<Boolean> order = new ArrayList<>();
        if (undo.possible()) {
            for (int i = 0; i < repeat; i++) {
                order.add(i % 2 == 1);
                order.add(i % 2 == 0);
            }
            notes.add("runs in ABBA order (" + (repeat == 1 ? "A B" : "A B, B A" + (repeat > 2 ? ", ..." : ""))
                    + "), the change taken back between them by: " + String.join("; ", undo.statements().stream()
                    .map(s -> Text.oneLine(s, Integer.MAX_VALUE)).toList()));
        } else {
            for (int i = 0; i < repeat; i++) {
                order.add(false);
            }
            for (int i = 0; i < repeat; i++) {
                order.add(true);
            }
            notes.add("the change cannot be undone (" + undo.impossibleBecause() + "), so all A runs came first, then all B "
                    + "runs: drift between them counts as change");
        }
        return order;
    }

    /** Leaves the database at A when the change can be undone; returns what people should know of where it is left, or null. */
    public String backToA() {
        if (!atB) {
            return null;
        }
        if (!undo.possible()) {
            return "the database is left at B (with " + candidates + "): the change cannot be undone";
        }
        try {
            change.takeBack(control, undo);
            atB = false;
            return null;
        } catch (SQLException e) {
            return "could not take the change back (" + DatabaseErrors.firstLine(e.getMessage()) + "): the database is at B";
        }
    }

    private List<PlanChange> planChanges() {
        List<PlanChange> changes = new ArrayList<>();
        if (plansA == null || plansB == null) {
            return changes;
        }
        for (CapturedStatement st : captured) {
            PlanOutline before = plansA.get(st.sql());
            PlanOutline after = plansB.get(st.sql());
            if (before != null && after != null && !before.outline().equals(after.outline())) {
                changes.add(new PlanChange(st.operation(), st.sql(), before.outline(), after.outline(), before.cost(), after.cost()));
            }
        }
        changes.sort(Comparator.comparing(PlanChange::operation, Comparator.nullsLast(String::compareTo)));
        return changes;
    }
}
