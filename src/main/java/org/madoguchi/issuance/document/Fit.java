package org.madoguchi.issuance.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Text fitted into a box: the largest size from the nominal one down to a minimum at which the text, wrapped at
 * any character (Japanese has no spaces to wrap at), fits the box. Explicit {@code \n} start new lines.
 *
 * @param size font size in points
 * @param lines the lines
 */
record Fit(float size, List<String> lines) {

	static final float LEADING = 1.2f;

	/** The fit, or null when the text does not fit even at {@code min}. */
	static Fit of(FontSource font, String text, float width, float height, float nominal, float min) {
		for (float size = nominal; size >= min - 0.01f; size -= 0.5f) {
			List<String> lines = wrap(font, text, width, size);
			if (lines.size() * size * LEADING <= height + 0.01f) {
				return new Fit(size, lines);
			}
		}
		return null;
	}

	/** The height the text needs at {@code size} when wrapped to {@code width}. */
	static float height(FontSource font, String text, float width, float size) {
		return wrap(font, text, width, size).size() * size * LEADING;
	}

	static List<String> wrap(FontSource font, String text, float width, float size) {
		List<String> lines = new ArrayList<>(2);
		for (String paragraph : text.split("\n", -1)) {
			StringBuilder line = new StringBuilder();
			float used = 0;
			for (int i = 0; i < paragraph.length();) {
				int cp = paragraph.codePointAt(i);
				float w = font.width(cp, size);
				if (used + w > width && line.length() > 0) {
					lines.add(line.toString());
					line.setLength(0);
					used = 0;
				}
				line.appendCodePoint(cp);
				used += w;
				i += Character.charCount(cp);
			}
			lines.add(line.toString());
		}
		return lines;
	}
}
