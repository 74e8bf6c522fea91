package io.dbsim.support;

import io.dbsim.cli.Dbsim;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One dbsim command line run in-process, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbsim.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public String all() {
        return out + err;
    }
}
