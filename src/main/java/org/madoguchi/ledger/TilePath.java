package org.madoguchi.ledger;

/**
 * A tile path of C2SP tlog-tiles after {@code tile/}: {@code <L>/<N>[.p/<W>]} or {@code entries/<N>[.p/<W>]}, where N
 * is written in 3-digit path elements, all but the last prefixed with {@code x} (1234067 is {@code x001/x234/067}).
 * Only the canonical form is accepted.
 *
 * @param level the tile level (0..63), or -1 for an entry bundle
 * @param width the width W of a partial tile, or 256 for a full tile
 */
record TilePath(int level, long index, int width) {

	static final int MAX_LEVEL = 63;

	boolean entries() {
		return level < 0;
	}

	boolean partial() {
		return width < Tile.WIDTH;
	}

	static TilePath parse(String path) {
		if (path.length() > 64) {
			throw new IllegalArgumentException("tile path is longer than 64 characters");
		}
		String[] parts = path.split("/", -1);
		int level;
		if (parts[0].equals("entries")) {
			level = -1;
		}
		else if (parts[0].matches("0|[1-9][0-9]?") && Integer.parseInt(parts[0]) <= MAX_LEVEL) {
			level = Integer.parseInt(parts[0]);
		}
		else {
			throw new IllegalArgumentException("tile level must be \"entries\" or a number 0.." + MAX_LEVEL
					+ " without leading zeros, got \"" + parts[0] + "\"");
		}
		int end = parts.length;
		int width = Tile.WIDTH;
		if (end >= 3 && parts[end - 2].endsWith(".p")) {
			String w = parts[end - 1];
			if (!w.matches("[1-9][0-9]{0,2}") || Integer.parseInt(w) > Tile.WIDTH - 1) {
				throw new IllegalArgumentException("partial tile width must be 1..255 without leading zeros, got \"" + w + "\"");
			}
			width = Integer.parseInt(w);
			parts[end - 2] = parts[end - 2].substring(0, parts[end - 2].length() - 2);
			end--;
		}
		if (end < 2) {
			throw new IllegalArgumentException("tile path needs a tile number after the level");
		}
		long index = 0;
		for (int i = 1; i < end; i++) {
			String element = parts[i];
			boolean last = i == end - 1;
			if (!(last ? element.matches("[0-9]{3}") : element.matches("x[0-9]{3}"))) {
				throw new IllegalArgumentException("tile number element \"" + element + "\" must be "
						+ (last ? "3 digits" : "x and 3 digits"));
			}
			if (i == 1 && !last && element.equals("x000")) {
				throw new IllegalArgumentException("tile number must not start with x000");
			}
			int digits = Integer.parseInt(last ? element : element.substring(1));
			if (index > (Long.MAX_VALUE - digits) / 1000) {
				throw new IllegalArgumentException("tile number is too large");
			}
			index = index * 1000 + digits;
		}
		return new TilePath(level, index, width);
	}

	/** The path of tile number n in 3-digit elements, e.g. {@code x001/x234/067}. */
	static String number(long n) {
		String digits = Long.toString(n);
		int pad = (3 - digits.length() % 3) % 3;
		digits = "0".repeat(pad) + digits;
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i += 3) {
			if (i > 0) {
				out.append('/');
			}
			if (i + 3 < digits.length()) {
				out.append('x');
			}
			out.append(digits, i, i + 3);
		}
		return out.toString();
	}
}
