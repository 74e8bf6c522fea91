package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.DatabaseKind;
import io.dbsim.db.Migrator;
import io.dbsim.experiment.BeforeRun;
import io.dbsim.seed.PgbenchTables;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.workload.Workload;
import io.dbsim.workload.script.Defines;
import io.dbsim.workload.script.PgbenchSeeds;
import io.dbsim.workload.script.ScriptSource;
import io.dbsim.workload.script.ScriptWorkload;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * pgbench scripts on any PostgreSQL database: no migration, no seed. A fresh (embedded) database is given pgbench's
 * tables first when a built-in script runs, as {@code pgbench -i -s SCALE} makes them; without -s, :scale is what
 * pgbench finds, count(*) of pgbench_branches, when a built-in script runs, else 1.
 *
 * @param builtinUsed a -b script is among them, as pgbench's internal_script_used
 */
record ScriptsSource(List<ScriptSource> sources, boolean builtinUsed, List<String> definitions, Integer scale)
        implements WorkloadSource {

    /** pgbench's clients run back to back, all from the start. */
    private static final SettingsLayer DEFAULTS = SettingsLayer.EMPTY.with("thinkTime", Duration.ZERO).with("rampUp", Duration.ZERO);

    @Override
    public SettingsLayer defaults() {
        return DEFAULTS;
    }

    @Override
    public Workload checked(String pattern) {
        if (pattern != null) {
            throw new UsageException("--pattern " + pattern + " is a pattern of dbsim's member workload; scripts run by their "
                    + "weights, as pgbench's -f file.sql@8: leave --pattern out");
        }
        return workload(scale == null ? 1 : scale, PgbenchSeeds.of(0, 1));
    }

    @Override
    public Workload prepare(Database db, DatabaseOptions options, RunSettings config, int clients, BeforeRun dataReady,
                            PrintWriter err) {
        ConnectionInfo connection = db.connection();
        boolean fresh = options.request().resolvedKind() != DatabaseKind.URL && builtinUsed;
        if (fresh) {
            int made = scale == null ? 1 : scale;
            err.printf(Locale.ROOT, "fresh database: making pgbench's tables at scale %d, as pgbench -i -s %d%n", made, made);
            err.flush();
            try {
                PgbenchTables.Result result = PgbenchTables.initialize(connection, made);
                err.printf(Locale.ROOT, "pgbench tables: %,d rows in %.1f s%n", result.rows(), result.took().toMillis() / 1000.0);
            } catch (SQLException e) {
                throw DatabaseErrors.explain(e, connection);
            }
        }
        dataReady.prepare("data");
        boolean detect = !fresh && scale == null && builtinUsed && definitions.stream().noneMatch(d -> d.startsWith("scale="));
        int runScale = detect ? detectedScale(connection) : scale == null ? 1 : scale;
        return workload(runScale, PgbenchSeeds.of(config.seed(), Math.max(1, clients)));
    }

    @Override
    public Migrator migrator(ConnectionInfo connection) {
        return Migrator.ofOwnSchema(connection);
    }

    @Override
    public String description() {
        return "pgbench scripts " + String.join(", ", sources.stream().map(s -> s.name() + "@" + s.weight()).toList());
    }

    private Workload workload(int runScale, PgbenchSeeds seeds) {
        return ScriptWorkload.of(sources, Defines.of(definitions, runScale, seeds), seeds);
    }

    /** pgbench's own rule for built-in scripts: the scale is the number of branches. */
    private static int detectedScale(ConnectionInfo connection) {
        try (Connection c = connection.open(); Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('pgbench_branches') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    throw new DbsimException("the database has no pgbench_branches table, which the built-in scripts need: "
                            + "initialise it with pgbench -i -s N, or run without --jdbc-url for a fresh database dbsim initialises");
                }
            }
            try (ResultSet count = s.executeQuery("SELECT count(*) FROM pgbench_branches")) {
                count.next();
                long branches = count.getLong(1);
                if (branches < 1 || branches > Integer.MAX_VALUE) {
                    throw new DbsimException("pgbench_branches holds " + branches + " rows, so the scale cannot be told from it: "
                            + "initialise it with pgbench -i -s N, or give -s N");
                }
                return (int) branches;
            }
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, connection);
        }
    }
}
