package org.madoguchi.platform;

/** The addressed object does not exist (or the caller may not know it does). Maps to HTTP 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}
}
