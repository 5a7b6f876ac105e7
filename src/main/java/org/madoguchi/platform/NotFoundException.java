package org.madoguchi.platform;

/** The addressed object does not exist (or the caller may not know it does). Maps to HTTP 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}
}
