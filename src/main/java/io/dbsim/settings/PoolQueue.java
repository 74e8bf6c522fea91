package io.dbsim.settings;

/** fair: a first-come, first-served queue in front of the pool (default); direct: HikariCP's own hand-off, to measure its fairness. */
public enum PoolQueue { FAIR, DIRECT }
