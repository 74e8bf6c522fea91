package io.dbsim.report.live;

import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Every series family dbsim computes itself, as Prometheus' conventions name them (base units in the name,
 * counters exposed with {@code _total}) and with k6's names where k6 has the same thing. HikariCP's pool series
 * ({@code hikaricp_*}) and the JVM's come from Micrometer beside them. reports/README.md documents each.
 */
enum Series {
    OPERATIONS(Kind.COUNTER, "dbsim_operations", null,
            "Operations finished, by outcome: success, or the class of the failure (as k6's http_reqs)."),
    RETRIES(Kind.COUNTER, "dbsim_operation_retries", null,
            "Deadlocks and serialization failures tried again (--max-tries)."),
    DURATION(Kind.HISTOGRAM, "dbsim_operation_duration_seconds", Unit.SECONDS,
            "Response time of successful operations, pool wait included (as k6's http_req_duration)."),
    POOL_WAIT(Kind.HISTOGRAM, "dbsim_operation_pool_wait_seconds", Unit.SECONDS,
            "Time successful operations waited for a pooled connection."),
    DATABASE(Kind.HISTOGRAM, "dbsim_operation_database_seconds", Unit.SECONDS,
            "Time successful operations held their connection: statements, commit and network."),
    FLOWS(Kind.COUNTER, "dbsim_flows", null, "Journeys through a flow finished, by outcome (as k6's iterations)."),
    FLOW_DURATION(Kind.HISTOGRAM, "dbsim_flow_duration_seconds", Unit.SECONDS,
            "Response time of completed journeys: their steps' response times, think time left out (as k6's iteration_duration)."),
    VUS(Kind.GAUGE, "dbsim_vus", null, "Simulated users running; in the open model, operations in flight (as k6's vus)."),
    DROPPED(Kind.COUNTER, "dbsim_dropped_iterations", null,
            "Open-model arrivals not started because --max-users operations were in flight (as k6's dropped_iterations)."),
    LATENESS(Kind.HISTOGRAM, "dbsim_user_wakeup_lateness_seconds", Unit.SECONDS,
            "How late users woke up after their think time: the load generator's own lag."),
    POOL_CONNECTIONS(Kind.GAUGE, "dbsim_pool_connections", null, "The pool's connections by state: active (lent out) or idle."),
    POOL_WAITING(Kind.GAUGE, "dbsim_pool_waiting_users", null,
            "Users waiting for a pooled connection, in dbsim's fair queue and inside HikariCP."),
    COMMITS(Kind.COUNTER, "dbsim_database_commits", null, "Transactions committed in the run's database (pg_stat_database)."),
    ROLLBACKS(Kind.COUNTER, "dbsim_database_rollbacks", null, "Transactions rolled back in the run's database (pg_stat_database)."),
    BLOCKS_HIT(Kind.COUNTER, "dbsim_database_blocks_hit", null, "Block requests served from shared buffers (pg_stat_database)."),
    BLOCKS_READ(Kind.COUNTER, "dbsim_database_blocks_read", null, "Blocks read from outside shared buffers (pg_stat_database)."),
    CACHE_HIT(Kind.GAUGE, "dbsim_database_cache_hit_ratio", Unit.RATIO,
            "Share of block requests served from shared buffers over the last sample interval; absent without block requests."),
    DEADLOCKS(Kind.COUNTER, "dbsim_database_deadlocks", null, "Deadlocks detected in the run's database (pg_stat_database)."),
    TEMP_BYTES(Kind.COUNTER, "dbsim_database_temp_bytes", Unit.BYTES, "Bytes written to temporary files (pg_stat_database)."),
    BACKENDS(Kind.GAUGE, "dbsim_database_backends", null,
            "The run's backends in pg_stat_activity by state: active, idle_in_transaction, idle."),
    BUSY_BACKENDS(Kind.GAUGE, "dbsim_database_busy_backends", null,
            "The run's busy backends by wait_event_type (CPU when waiting on nothing), as pg_stat_activity shows them."),
    LOCK_WAITS(Kind.GAUGE, "dbsim_database_lock_waits", null, "Lock requests of the run's backends not granted (pg_locks).");

    enum Kind { COUNTER, GAUGE, HISTOGRAM }

    final Kind kind;
    final String name;
    final Unit unit;
    final String help;

    Series(Kind kind, String name, Unit unit, String help) {
        this.kind = kind;
        this.name = name;
        this.unit = unit;
        this.help = help;
    }

    /** The name a scrape shows: a counter's with {@code _total}. */
    String exposedName() {
        return kind == Kind.COUNTER ? name + "_total" : name;
    }
}
