package org.madoguchi.issuance.document;

import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * IPAex Gothic, read once. A {@link TrueTypeFont} reads its tables lazily from one shared position, so it is not
 * safe for concurrent use; documents borrow a parsed instance from a small pool and give it back after saving
 * (PDFBox subsets the font while saving). {@code PDType0Font.load(document, ttf, true)} does not close the font
 * it is given, so an instance serves many documents. Coverage and advance widths are computed once and are
 * read-only, so measuring text needs no font instance at all.
 */
final class FontSource {

	/** The traditional placeholder for a character that cannot be printed (ゲタ). */
	static final int GETA = 0x3013;

	/** Code points measured and checked: the BMP and the supplementary ideographic plane (CJK Ext. B …). */
	private static final int LIMIT = 0x30000;

	private final byte[] bytes;
	private final BitSet coverage = new BitSet(LIMIT);
	private final short[] advance = new short[LIMIT];
	private final ConcurrentLinkedQueue<TrueTypeFont> pool = new ConcurrentLinkedQueue<>();
	private final AtomicInteger pooled = new AtomicInteger();
	private final int maxPooled;

	FontSource(String resource) {
		try (InputStream in = FontSource.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("font " + resource + " is not on the classpath");
			}
			this.bytes = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read font " + resource, e);
		}
		this.maxPooled = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
		TrueTypeFont ttf = parse();
		try {
			CmapLookup cmap = ttf.getUnicodeCmapLookup();
			float scale = 1000f / ttf.getUnitsPerEm();
			for (int cp = 0; cp < LIMIT; cp++) {
				int gid = cmap.getGlyphId(cp);
				if (gid > 0) {
					coverage.set(cp);
					advance[cp] = (short) Math.round(ttf.getAdvanceWidth(gid) * scale);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the font's cmap", e);
		}
		if (!coverage.get(GETA)) {
			throw new IllegalStateException("the font has no 〓 (U+3013)");
		}
		give(ttf);
	}

	private TrueTypeFont parse() {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot parse the font", e);
		}
	}

	/** A font instance for one thread's use until {@link #give}. */
	TrueTypeFont take() {
		TrueTypeFont ttf = pool.poll();
		if (ttf == null) {
			return parse();
		}
		pooled.decrementAndGet();
		return ttf;
	}

	void give(TrueTypeFont ttf) {
		if (pooled.incrementAndGet() <= maxPooled) {
			pool.add(ttf);
			return;
		}
		pooled.decrementAndGet();
		try {
			ttf.close();
		}
		catch (IOException e) {
			// an in-memory font: nothing to release
		}
	}

	boolean covers(int cp) {
		return cp < LIMIT && coverage.get(cp);
	}

	/** Width of text in points at the given size (text of covered characters only). */
	float width(String text, float size) {
		int units = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			units += cp < LIMIT ? advance[cp] : 1000;
			i += Character.charCount(cp);
		}
		return units * size / 1000f;
	}

	float width(int cp, float size) {
		return (cp < LIMIT ? advance[cp] : 1000) * size / 1000f;
	}

	/** The glyph outline of a character in font units (for the seal), or null if the font lacks it. */
	GeneralPath outline(int cp) {
		TrueTypeFont ttf = take();
		try {
			int gid = ttf.getUnicodeCmapLookup().getGlyphId(cp);
			return gid == 0 ? null : ttf.getGlyph().getGlyph(gid).getPath();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			give(ttf);
		}
	}

	/** Each character the font lacks becomes 〓; variation selectors are dropped (the font has no IVS table). */
	String printable(String text, java.util.function.IntConsumer missing) {
		if (text == null) {
			return null;
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			int n = Character.charCount(cp);
			boolean selector = cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
			if (selector || !covers(cp)) {
				if (out == null) {
					out = new StringBuilder(text.length()).append(text, 0, i);
				}
				missing.accept(cp);
				if (!selector) {
					out.appendCodePoint(GETA);
				}
			}
			else if (out != null) {
				out.appendCodePoint(cp);
			}
			i += n;
		}
		return out == null ? text : out.toString();
	}
}
