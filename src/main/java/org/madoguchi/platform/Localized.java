package org.madoguchi.platform;

import java.util.Locale;

/**
 * A value that has its own text per language (e.g. a procedure field's label). Message arguments of this
 * type are shown in the reader's language.
 */
public interface Localized {

	String in(Locale locale);

	/** Message arguments with every {@link Localized} replaced by its text in {@code locale}. */
	static Object[] resolve(Object[] args, Locale locale) {
		if (args == null) {
			return null;
		}
		Object[] out = args.clone();
		for (int i = 0; i < out.length; i++) {
			if (out[i] instanceof Localized l) {
				out[i] = l.in(locale);
			}
		}
		return out;
	}
}
