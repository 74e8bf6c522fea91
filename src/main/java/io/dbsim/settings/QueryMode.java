package io.dbsim.settings;

import java.util.Map;

/**
 * pgbench's -M: how statements go to the server, mapped onto the JDBC driver's settings. simple: the simple query
 * protocol, values written into the text (pgjdbc's preferQueryMode=simple); extended: the extended protocol with an
 * unnamed statement each time, never prepared on the server (prepareThreshold=0); prepared: a named server-side
 * statement from the first execution on (prepareThreshold=1). With no -M, pgjdbc's own default applies: extended,
 * server-side prepared from the fifth execution of a statement on a connection.
 */
public enum QueryMode {
    SIMPLE(Map.of("preferQueryMode", "simple")),
    EXTENDED(Map.of("prepareThreshold", "0")),
    PREPARED(Map.of("prepareThreshold", "1"));

    /** How the report names the mode when no -M was given. */
    public static final String DRIVER_DEFAULT = "driver_default";

    private final Map<String, String> driverProperties;

    QueryMode(Map<String, String> driverProperties) {
        this.driverProperties = driverProperties;
    }

    /** The pgjdbc connection properties that give this mode. */
    public Map<String, String> driverProperties() {
        return driverProperties;
    }
}
