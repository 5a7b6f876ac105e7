package org.madoguchi.issuance.document;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/** Drawing on one page: text, the ruled blocks, the seal and the QR code. */
final class Sheet {

	private static final float LABEL_GRAY = 0.92f;
	private static final float ASCENT = 0.86f; // IPAex Gothic: the baseline sits this far below a line's top

	private final PDPageContentStream cs;
	private final PDType0Font type0;
	private final FontSource font;

	Sheet(PDPageContentStream cs, PDType0Font type0, FontSource font) {
		this.cs = cs;
		this.type0 = type0;
		this.font = font;
	}

	void text(String text, float size, float x, float y) throws IOException {
		if (text.isEmpty()) {
			return;
		}
		cs.beginText();
		cs.setFont(type0, size);
		cs.newLineAtOffset(x, y);
		cs.showText(text);
		cs.endText();
	}

	void rule(float x1, float y1, float x2, float y2, float width) throws IOException {
		cs.setLineWidth(width);
		cs.moveTo(x1, y1);
		cs.lineTo(x2, y2);
		cs.stroke();
	}

	/** A block of rows whose top edge is at {@code top}: shaded labels, rules, then the text. */
	void block(Placement.Block block, float top) throws IOException {
		float left = CertifiedCopyRenderer.LEFT;
		float width = CertifiedCopyRenderer.WIDTH;
		// label shading
		cs.setNonStrokingColor(LABEL_GRAY);
		float y = top;
		for (Placement.PlacedRow row : block.rows()) {
			for (Placement.PlacedCell cell : row.cells()) {
				cs.addRect(cell.x(), y - row.height(), cell.labelWidth(), row.height());
			}
			y -= row.height();
		}
		cs.fill();
		cs.setNonStrokingColor(0f);
		// inner rules
		cs.setLineWidth(0.4f);
		y = top;
		for (int r = 0; r < block.rows().size(); r++) {
			Placement.PlacedRow row = block.rows().get(r);
			if (r > 0) {
				cs.moveTo(left, y);
				cs.lineTo(left + width, y);
			}
			for (int c = 0; c < row.cells().size(); c++) {
				Placement.PlacedCell cell = row.cells().get(c);
				if (c > 0) {
					cs.moveTo(cell.x(), y);
					cs.lineTo(cell.x(), y - row.height());
				}
				cs.moveTo(cell.x() + cell.labelWidth(), y);
				cs.lineTo(cell.x() + cell.labelWidth(), y - row.height());
			}
			y -= row.height();
		}
		cs.stroke();
		// frame
		cs.setLineWidth(1f);
		cs.addRect(left, top - block.height(), width, block.height());
		cs.stroke();
		// text
		y = top;
		for (Placement.PlacedRow row : block.rows()) {
			for (Placement.PlacedCell cell : row.cells()) {
				centred(cell.label(), cell.x(), y, cell.labelWidth(), row.height());
				float vx = cell.x() + cell.labelWidth() + Placement.PAD;
				if (cell.kana() != null) {
					lines(cell.kana(), vx, y - 3f);
				}
				float valueTop = y - cell.kanaHeight();
				float valueHeight = row.height() - cell.kanaHeight();
				lines(cell.value(), vx, valueTop - (valueHeight - height(cell.value())) / 2);
			}
			y -= row.height();
		}
	}

	private static float height(Fit fit) {
		return fit.lines().size() * fit.size() * Fit.LEADING;
	}

	private void lines(Fit fit, float x, float top) throws IOException {
		float y = top - fit.size() * (ASCENT + (Fit.LEADING - 1) / 2);
		for (String line : fit.lines()) {
			text(line, fit.size(), x, y);
			y -= fit.size() * Fit.LEADING;
		}
	}

	private void centred(Fit fit, float x, float top, float width, float height) throws IOException {
		float y = top - (height - height(fit)) / 2 - fit.size() * (ASCENT + (Fit.LEADING - 1) / 2);
		for (String line : fit.lines()) {
			text(line, fit.size(), x + (width - font.width(line, fit.size())) / 2, y);
			y -= fit.size() * Fit.LEADING;
		}
	}

	void form(PDFormXObject form, float x, float y, float scale) throws IOException {
		cs.saveGraphicsState();
		cs.transform(CertifiedCopyRenderer.at(x, y, scale));
		cs.drawForm(form);
		cs.restoreGraphicsState();
	}

	/** The QR code's dark modules as rectangles, one per horizontal run, in a square of {@code size} points. */
	void qr(Qr qr, float x, float y, float size) throws IOException {
		int n = qr.size();
		float module = size / n;
		cs.setNonStrokingColor(0f);
		for (int row = 0; row < n; row++) {
			float top = y + size - row * module;
			int col = 0;
			while (col < n) {
				if (!qr.modules().get(col, row)) {
					col++;
					continue;
				}
				int start = col;
				while (col < n && qr.modules().get(col, row)) {
					col++;
				}
				// a hair taller than the module so that adjacent rows leave no seam when rasterised
				cs.addRect(x + start * module, top - module - 0.02f, (col - start) * module, module + 0.04f);
			}
		}
		cs.fill();
	}
}
