package org.madoguchi.assistant;

/** One ranked answer candidate: the entry, its rank (1 = best) and its raw retrieval score. */
public record FaqHit(FaqEntry entry, int rank, float score) {
}
