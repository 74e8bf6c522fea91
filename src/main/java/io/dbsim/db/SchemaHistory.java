package io.dbsim.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Flyway's record of the migrations applied, condensed: the latest version, how many, and a checksum over the
 * whole history, so a snapshot can tell the schema it was taken at from another.
 */
public record SchemaHistory(String version, int migrations, String checksum) {

    private static final String TABLE = "flyway_schema_history";

    static Optional<SchemaHistory> read(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet exists = s.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return Optional.empty();
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT "
                + "(SELECT version FROM " + TABLE + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1), "
                + "count(*), md5(string_agg(concat_ws(':', installed_rank, version, script, checksum, success), ',' "
                + "ORDER BY installed_rank)) FROM " + TABLE)) {
            rs.next();
            return Optional.of(new SchemaHistory(rs.getString(1), rs.getInt(2), rs.getString(3)));
        }
    }

    @Override
    public String toString() {
        return "Flyway version " + (version == null ? "none" : version) + " (" + migrations
                + (migrations == 1 ? " migration)" : " migrations)");
    }
}
