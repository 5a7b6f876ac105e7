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
 *
 * <p>The font's GSUB table is left out: PDFBox 3 applies GSUB rules on every {@code showText} of a font that has
 * them, building regular expressions each time (about 80% of the rendering time here), and horizontal Japanese
 * text needs none of IPAex Gothic's substitutions (vertical forms, JIS78/JIS90 variants).
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
			this.bytes = withoutTable(in.readAllBytes(), "GSUB");
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

	/**
	 * The font with one table removed from its table directory (its bytes stay, unreferenced; offsets of the other
	 * tables do not change). Font files are big-endian: offset table (12 bytes) then 16-byte table records.
	 */
	static byte[] withoutTable(byte[] font, String tag) {
		java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(font);
		int tables = Short.toUnsignedInt(in.getShort(4));
		byte[] target = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		int found = -1;
		for (int i = 0; i < tables; i++) {
			if (java.util.Arrays.equals(font, 12 + 16 * i, 12 + 16 * i + 4, target, 0, 4)) {
				found = i;
			}
		}
		if (found < 0) {
			return font;
		}
		byte[] out = font.clone();
		int records = 12 + 16 * found;
		System.arraycopy(font, records + 16, out, records, 16 * (tables - found - 1));
		java.util.Arrays.fill(out, 12 + 16 * (tables - 1), 12 + 16 * tables, (byte) 0);
		int n = tables - 1;
		int power = Integer.highestOneBit(n);
		java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(out);
		header.putShort(4, (short) n);
		header.putShort(6, (short) (power * 16)); // searchRange
		header.putShort(8, (short) Integer.numberOfTrailingZeros(power)); // entrySelector
		header.putShort(10, (short) (n * 16 - power * 16)); // rangeShift
		return out;
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
