package io.dbsim.workload;

/** Reads, writes and file operations are counted apart: patterns are defined by their shares. */
public enum OperationKind {
    READ, WRITE, FILE
}
