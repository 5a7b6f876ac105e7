package org.madoguchi.issuance.document;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * 電子公印: the mayor's seal as a red square (double frame, characters such as 東雲野市長之印 in columns read from the
 * right, stretched to fill their cells as on a carved seal). Drawn as vector outlines of the font's glyphs, not
 * as text, so the seal adds nothing to the text layer and stays sharp at any zoom. The compressed drawing is made
 * once per seal text and copied into each document as a form XObject of 1000 × 1000 units.
 */
final class Seal {

	static final float UNITS = 1000f;
	private static final String RED = "0.8 0.1 0.12";

	private final FontSource font;
	private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

	Seal(FontSource font) {
		this.font = font;
	}

	/** A form XObject in the document with the seal reading {@code text} (e.g. 東雲野市長之印). */
	PDFormXObject form(PDDocument document, String text) throws IOException {
		if (cache.size() > 32) {
			cache.clear(); // a handful of mayors' titles in practice; bounded whatever callers send
		}
		byte[] compressed = cache.computeIfAbsent(text, this::draw);
		PDFormXObject form = new PDFormXObject(document);
		try (OutputStream out = form.getCOSObject().createRawOutputStream()) {
			out.write(compressed);
		}
		form.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE);
		form.setBBox(new PDRectangle(0, 0, UNITS, UNITS));
		form.setResources(new PDResources());
		return form;
	}

	private byte[] draw(String text) {
		StringBuilder ops = new StringBuilder(32_000);
		ops.append("q ").append(RED).append(" RG ").append(RED).append(" rg\n");
		ops.append("44 w 22 22 956 956 re S\n"); // outer frame
		ops.append("12 w 78 78 844 844 re S\n"); // inner frame
		ops.append("10 w 1 j\n"); // glyphs filled and outlined: the heavier strokes of a carved seal
		int[] cps = text.codePoints().filter(font::covers).toArray();
		int n = cps.length;
		int columns = Math.max(1, (int) Math.ceil(Math.sqrt(n)));
		float left = 110, right = 890, bottom = 110, top = 890;
		float columnWidth = (right - left) / columns;
		int index = 0;
		for (int column = 0; column < columns && index < n; column++) {
			// columns from the right; the first (n % columns) columns hold one character more
			int count = n / columns + (column < n % columns ? 1 : 0);
			float x1 = right - column * columnWidth;
			float cellHeight = (top - bottom) / count;
			for (int row = 0; row < count; row++, index++) {
				float y1 = top - row * cellHeight;
				glyph(ops, cps[index], x1 - columnWidth + 14, y1 - cellHeight + 14, columnWidth - 28, cellHeight - 28);
			}
		}
		ops.append("Q\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_COMPRESSION))) {
			out.write(ops.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private void glyph(StringBuilder ops, int cp, float x, float y, float w, float h) {
		GeneralPath path = font.outline(cp);
		if (path == null) {
			return;
		}
		Rectangle2D b = path.getBounds2D();
		if (b.getWidth() <= 0 || b.getHeight() <= 0) {
			return;
		}
		AffineTransform t = new AffineTransform();
		t.translate(x, y);
		t.scale(w / b.getWidth(), h / b.getHeight());
		t.translate(-b.getX(), -b.getY());
		PathIterator it = path.getPathIterator(t);
		float[] c = new float[6];
		float cx = 0, cy = 0;
		while (!it.isDone()) {
			switch (it.currentSegment(c)) {
				case PathIterator.SEG_MOVETO -> {
					point(ops, c[0], c[1]).append("m\n");
					cx = c[0];
					cy = c[1];
				}
				case PathIterator.SEG_LINETO -> {
					point(ops, c[0], c[1]).append("l\n");
					cx = c[0];
					cy = c[1];
				}
				case PathIterator.SEG_QUADTO -> {
					// quadratic to cubic: control points two thirds of the way towards the quadratic one
					point(ops, cx + 2f / 3 * (c[0] - cx), cy + 2f / 3 * (c[1] - cy));
					point(ops, c[2] + 2f / 3 * (c[0] - c[2]), c[3] + 2f / 3 * (c[1] - c[3]));
					point(ops, c[2], c[3]).append("c\n");
					cx = c[2];
					cy = c[3];
				}
				case PathIterator.SEG_CUBICTO -> {
					point(ops, c[0], c[1]);
					point(ops, c[2], c[3]);
					point(ops, c[4], c[5]).append("c\n");
					cx = c[4];
					cy = c[5];
				}
				case PathIterator.SEG_CLOSE -> ops.append("h\n");
				default -> throw new IllegalStateException();
			}
			it.next();
		}
		ops.append("b\n");
	}

	private static StringBuilder point(StringBuilder ops, float x, float y) {
		return ops.append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
	}
}
