package io.dbsim.workload;

import java.util.List;

/**
 * Work made of commands that are timed one by one when the run asks for it (pgbench -r): a script, or a workload
 * file's operation with its statements. The work records into {@link OperationContext#commandRecorder()}, by the
 * command's index in {@link #commands()}.
 */
public interface CommandWork extends Work {

    List<Command> commands();
}
