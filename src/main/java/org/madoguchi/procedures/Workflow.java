package org.madoguchi.procedures;

import java.util.List;

/** How staff process an application: steps in order, and the service-level target in days (標準処理期間). */
public record Workflow(int slaDays, List<WorkflowStep> steps) {

	public Workflow {
		steps = steps == null ? List.of() : List.copyOf(steps);
	}
}
