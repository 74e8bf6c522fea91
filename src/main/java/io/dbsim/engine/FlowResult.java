package io.dbsim.engine;

import java.util.List;

/** A flow measured whole: its steps in order, and the journeys' latencies (steps' response times summed). */
public record FlowResult(String name, List<String> steps, OperationMetrics.Summary journeys) {
}
