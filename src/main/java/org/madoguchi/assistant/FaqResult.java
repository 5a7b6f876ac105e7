package org.madoguchi.assistant;

import java.util.List;

/**
 * The ranked candidates for a query and the engine's confidence in [0,1] that the first one answers it
 * (high when the best score is high and clearly ahead of the second; callers show the answer directly only
 * above a threshold and otherwise offer the list or a human contact).
 */
public record FaqResult(List<FaqHit> hits, double confidence) {

	public FaqResult {
		hits = List.copyOf(hits);
	}
}
