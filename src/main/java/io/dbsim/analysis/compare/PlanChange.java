package io.dbsim.analysis.compare;

/**
 * One of our statements whose plan differs between A and B: the plans' outlines (node types and the
 * relations and indexes they use) and the planner's estimated total cost.
 */
public record PlanChange(String operation, String query, String planBefore, String planAfter, double costBefore,
                         double costAfter) {
}
