package io.dbsim.cli;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.Migrator;
import io.dbsim.experiment.BeforeRun;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.workload.Workload;

import java.io.PrintWriter;

/** dbsim's own member/employment workload: jOOQ operations on the seeded member schema. */
record MemberSource() implements WorkloadSource {

    @Override
    public SettingsLayer defaults() {
        return SettingsLayer.EMPTY;
    }

    @Override
    public Workload checked(String pattern) {
        Workload workload = Workload.builtIn();
        workload.pattern(pattern);
        return workload;
    }

    @Override
    public Workload prepare(Database db, DatabaseOptions options, RunSettings config, int clients, BeforeRun dataReady,
                            PrintWriter err) {
        RunTarget.prepareData(db, options, config.seed(), err);
        dataReady.prepare("data");
        return Workload.builtIn();
    }

    @Override
    public Migrator migrator(ConnectionInfo connection) {
        return new Migrator(connection);
    }

    @Override
    public String description() {
        return "dbsim's member workload";
    }
}
