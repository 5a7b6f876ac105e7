package org.madoguchi.applications;

import java.io.InputStream;

/** A file a resident or client sends for a FILE field. */
public record Upload(String fieldId, String filename, InputStream content) {
}
