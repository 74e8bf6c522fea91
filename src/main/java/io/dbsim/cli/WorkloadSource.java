package io.dbsim.cli;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.Migrator;
import io.dbsim.experiment.BeforeRun;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.settings.Stage;
import io.dbsim.workload.Workload;

import java.io.PrintWriter;

/**
 * What a run's users do, as the flags chose it: dbsim's member workload, pgbench scripts (-f, -b), or a workload file
 * (--workload). Read and checked before any connection; {@link #prepare} readies the database and gives the workload.
 */
sealed interface WorkloadSource permits MemberSource, ScriptsSource, WorkloadFileSource {

    /** The settings this kind of workload brings, between dbsim's defaults and the scenario file and flags. */
    SettingsLayer defaults();

    /**
     * The workload as far as it is known before connecting, to check patterns and thresholds against; a pattern that
     * does not fit is a usage error.
     */
    Workload checked(String pattern);

    /**
     * Readies the database (migrating, seeding or initialising a fresh one) and returns the run's workload.
     * {@code dataReady} runs once the schema and data are there and before the workload reads anything from the data,
     * so that a restore it does (run --restore) comes before a workload file's {@code sample:} columns are read.
     */
    Workload prepare(Database db, DatabaseOptions options, RunSettings config, int clients, BeforeRun dataReady, PrintWriter err);

    /**
     * Whether {@link #prepare} reads values from the data (a workload file's {@code sample:} columns): an experiment
     * that restores before every run then restores before they are read too, so they name rows the runs will have.
     */
    default boolean readsData() {
        return false;
    }

    /** How migrations are applied to this workload's database (ab's candidates, a fresh database's setup). */
    Migrator migrator(ConnectionInfo connection);

    /** One line for the console: what the users run. */
    String description();

    /** The most users the run has at once (the open model: the most arrivals in flight), for the scripts' clients. */
    static int clients(RunSettings config) {
        if (config.openModel()) {
            return config.maxUsers();
        }
        if (!config.staged()) {
            return config.users();
        }
        int starts = 0;
        int previous = 0;
        for (Stage s : config.stages()) {
            starts += Math.max(0, s.target() - previous);
            previous = s.target();
        }
        return Math.max(1, starts);
    }
}
