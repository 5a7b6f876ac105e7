package org.madoguchi.accounts;

import java.util.Map;
import java.util.Optional;

/**
 * Forms sent after a resident's sign-in expired. The portal does not lose them: the fields are kept under a
 * one-time token, the resident signs in again and comes back to the same page with {@code ?rescue=token},
 * and the page takes the fields back with {@link #take}. Files are not kept (they are not read before the
 * sign-in check); the page says so.
 */
public interface PortalFormRescue {

	/** The rescued form parameters for {@code path}, once; empty when unknown, used, expired or for another page. */
	Optional<Map<String, String[]>> take(String token, String path);
}
