package org.madoguchi.attachments;

import java.awt.geom.AffineTransform;

/**
 * The EXIF orientation of a JPEG (values 1–8). Phones store photos as the sensor saw them and say in EXIF
 * how to turn them; redrawing drops EXIF, so the sanitized copy applies the turn instead — otherwise a
 * photographed document would arrive on its side.
 */
final class ExifOrientation {

	/** Bytes of the file's start that are searched: EXIF lives in an APP1 segment of at most 64 KB near the start. */
	static final int SEARCH_BYTES = 128 * 1024;

	private ExifOrientation() {
	}

	/** The orientation found in the JPEG's first bytes, or 1 (as stored) when there is none or it is malformed. */
	static int read(byte[] head) {
		int p = 2; // after SOI
		while (p + 4 <= head.length) {
			if ((head[p] & 0xFF) != 0xFF) {
				return 1;
			}
			int marker = head[p + 1] & 0xFF;
			if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				p += 2;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				return 1; // image data starts: no EXIF before it
			}
			int length = u16(head, p + 2, false);
			if (length < 2) {
				return 1;
			}
			int start = p + 4;
			int end = Math.min(p + 2 + length, head.length);
			if (marker == 0xE1 && end - start >= 14 && head[start] == 'E' && head[start + 1] == 'x' && head[start + 2] == 'i'
					&& head[start + 3] == 'f' && head[start + 4] == 0 && head[start + 5] == 0) {
				return fromTiff(head, start + 6, end);
			}
			p += 2 + length;
		}
		return 1;
	}

	private static int fromTiff(byte[] b, int tiff, int end) {
		boolean little;
		if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
			little = true;
		}
		else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
			little = false;
		}
		else {
			return 1;
		}
		long ifd = u32(b, tiff + 4, little);
		if (ifd < 8 || tiff + ifd + 2 > end) {
			return 1;
		}
		int at = (int) (tiff + ifd);
		int count = u16(b, at, little);
		for (int i = 0; i < count; i++) {
			int entry = at + 2 + i * 12;
			if (entry + 12 > end) {
				return 1;
			}
			if (u16(b, entry, little) == 0x0112) {
				int value = u16(b, entry + 8, little);
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** Whether the orientation swaps width and height. */
	static boolean swapsSides(int orientation) {
		return orientation >= 5;
	}

	/** The transform that draws a {@code width}×{@code height} stored image upright. */
	static AffineTransform transform(int orientation, int width, int height) {
		return switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0); // mirrored
			case 3 -> new AffineTransform(-1, 0, 0, -1, width, height); // upside down
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, height); // mirrored vertically
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
			case 6 -> new AffineTransform(0, 1, -1, 0, height, 0); // turn 90° clockwise
			case 7 -> new AffineTransform(0, -1, -1, 0, height, width); // transversed
			case 8 -> new AffineTransform(0, -1, 1, 0, 0, width); // turn 90° anticlockwise
			default -> new AffineTransform();
		};
	}

	private static int u16(byte[] b, int at, boolean little) {
		if (at + 2 > b.length) {
			return 0;
		}
		int a = b[at] & 0xFF;
		int c = b[at + 1] & 0xFF;
		return little ? (c << 8) | a : (a << 8) | c;
	}

	private static long u32(byte[] b, int at, boolean little) {
		if (at + 4 > b.length) {
			return 0;
		}
		long hi = u16(b, little ? at + 2 : at, little);
		long lo = u16(b, little ? at : at + 2, little);
		return (hi << 16) | lo;
	}
}
