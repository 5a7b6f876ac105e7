package org.madoguchi.issuance.document;

import java.util.List;

/**
 * A rendered (still unsigned) certificate.
 *
 * @param pdf the PDF
 * @param pages its number of pages
 * @param substitutions characters the font lacks and what was printed instead (empty when all were printable)
 */
public record RenderedCopy(byte[] pdf, int pages, List<Substitution> substitutions) {

	public RenderedCopy {
		substitutions = List.copyOf(substitutions);
	}

	/** Whether every character was printed as given. */
	public boolean complete() {
		return substitutions.isEmpty();
	}
}
