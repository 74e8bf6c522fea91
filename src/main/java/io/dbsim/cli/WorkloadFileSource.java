package io.dbsim.cli;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.DatabaseKind;
import io.dbsim.db.Migrator;
import io.dbsim.experiment.BeforeRun;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.workload.Workload;
import io.dbsim.workload.file.SampleReader;
import io.dbsim.workload.file.WorkloadFile;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A workload file on any PostgreSQL database: no seed. A fresh (embedded) database gets the file's schema from its
 * setup: migration folders first; a database you name is used as it is. Sampled columns are read when the run starts.
 */
record WorkloadFileSource(WorkloadFile file) implements WorkloadSource {

    @Override
    public SettingsLayer defaults() {
        return file.thinkTime() == null ? SettingsLayer.EMPTY : SettingsLayer.EMPTY.with("thinkTime", file.thinkTime());
    }

    @Override
    public Workload checked(String pattern) {
        Workload workload = file.workload(Map.of(), 0);
        workload.pattern(pattern);
        return workload;
    }

    @Override
    public Workload prepare(Database db, DatabaseOptions options, RunSettings config, int clients, BeforeRun dataReady,
                            PrintWriter err) {
        ConnectionInfo connection = db.connection();
        if (options.request().resolvedKind() != DatabaseKind.URL) {
            if (file.setup().isEmpty()) {
                err.println("fresh database: " + file.name() + " has no setup: folders, so its tables must be made by its own SQL");
            } else {
                err.println("fresh database: building " + file.name() + "'s schema from " + String.join(", ",
                        file.setup().stream().map(Path::toString).toList()));
                err.flush();
                migrator(connection).migrate(file.setup().stream().map(Path::toString).toList());
            }
        }
        dataReady.prepare("data");
        try (Connection c = connection.open()) {
            return file.workload(SampleReader.read(c, file.samples(), config.seed()), config.seed());
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, connection);
        }
    }

    @Override
    public boolean readsData() {
        return !file.samples().isEmpty();
    }

    @Override
    public Migrator migrator(ConnectionInfo connection) {
        return Migrator.ofOwnSchema(connection);
    }

    @Override
    public String description() {
        return "workload file " + file.name() + (file.description() == null ? "" : " (" + file.description() + ")");
    }
}
