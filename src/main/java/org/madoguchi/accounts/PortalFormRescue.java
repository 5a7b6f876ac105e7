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

	/** The cookie that ties a kept form to the browser that sent it. */
	String COOKIE = "mdg_rescue";

	/**
	 * The rescued form parameters for the request's page, once: the token comes from the {@code rescue} parameter
	 * and must equal the browser's {@value #COOKIE} cookie (set when the form was kept), so a link with someone
	 * else's token does nothing. Empty when unknown, used, expired, for another page or from another browser.
	 */
	Optional<Map<String, String[]>> take(jakarta.servlet.http.HttpServletRequest request);
}
