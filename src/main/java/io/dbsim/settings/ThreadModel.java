package io.dbsim.settings;

/**
 * What the run's users run on: one platform (OS) thread each, one virtual thread each, or, by default, whichever the
 * engine finds cheaper for the run's peak user count.
 */
public enum ThreadModel { AUTO, PLATFORM, VIRTUAL }
