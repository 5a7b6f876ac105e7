package org.madoguchi.issuance.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows placed on the page width: label and value widths, the fitted text, and the final row heights (a row grows
 * when a long value does not fit at the smallest readable size). Needs no PDF document, so pages can be planned
 * before any drawing.
 */
final class Placement {

	static final float LABEL_SIZE = 8f;
	static final float LABEL_MIN = 5.5f;
	static final float VALUE_SIZE = 10f;
	static final float VALUE_MIN = 7f;
	static final float NAME_SIZE = 13f;
	static final float NAME_MIN = 8f;
	static final float KANA_SIZE = 7f;
	static final float KANA_MIN = 5f;
	static final float PAD = 4f;

	record PlacedCell(float x, float labelWidth, float valueWidth, Fit label, Fit value, Fit kana, float kanaHeight) {
	}

	record PlacedRow(float height, List<PlacedCell> cells) {
	}

	/** A group of rows drawn inside one frame (the household part, or one person). */
	record Block(List<PlacedRow> rows, float height) {
	}

	private Placement() {
	}

	static Block block(FontSource font, List<Rows.Row> rows, float x, float width) {
		List<PlacedRow> placed = new ArrayList<>(rows.size());
		float total = 0;
		for (Rows.Row row : rows) {
			PlacedRow p = row(font, row, x, width);
			placed.add(p);
			total += p.height();
		}
		return new Block(placed, total);
	}

	static PlacedRow row(FontSource font, Rows.Row row, float x, float width) {
		int n = row.cells().size();
		float[] labelWidths = new float[n];
		float labels = 0, weights = 0;
		for (int i = 0; i < n; i++) {
			Rows.Cell c = row.cells().get(i);
			float widest = 0;
			for (String line : c.label().split("\n")) {
				widest = Math.max(widest, font.width(line, LABEL_SIZE));
			}
			labelWidths[i] = Math.max(34f, Math.min(62f, widest + 10f));
			labels += labelWidths[i];
			weights += c.weight();
		}
		float values = width - labels;
		for (float height = row.height();; height += 6f) {
			List<PlacedCell> cells = new ArrayList<>(n);
			float cx = x;
			boolean fits = true;
			for (int i = 0; i < n && fits; i++) {
				Rows.Cell c = row.cells().get(i);
				float vw = values * c.weight() / weights;
				Fit label = Fit.of(font, c.label(), labelWidths[i] - 2 * PAD + 2, height - PAD, LABEL_SIZE, LABEL_MIN);
				Fit value;
				Fit kana = null;
				float kanaHeight = 0;
				if (c.name()) {
					kanaHeight = Math.max(10f, (height - 2 * PAD) * 0.3f);
					if (c.kana() != null) {
						kana = Fit.of(font, c.kana(), vw - 2 * PAD, kanaHeight, KANA_SIZE, KANA_MIN);
						fits &= kana != null;
					}
					value = c.value() == null ? new Fit(NAME_SIZE, List.of())
							: Fit.of(font, c.value(), vw - 2 * PAD, height - PAD - kanaHeight, NAME_SIZE, NAME_MIN);
				}
				else {
					value = c.value() == null ? new Fit(VALUE_SIZE, List.of())
							: Fit.of(font, c.value(), vw - 2 * PAD, height - PAD, VALUE_SIZE, VALUE_MIN);
				}
				fits &= label != null && value != null;
				cells.add(new PlacedCell(cx, labelWidths[i], vw, label, value, kana, kanaHeight));
				cx += labelWidths[i] + vw;
			}
			if (fits) {
				return new PlacedRow(height, cells);
			}
			if (height > 400) {
				throw new IllegalStateException("a row does not fit on the page"); // bounded lengths prevent this
			}
		}
	}
}
