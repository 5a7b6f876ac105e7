package org.madoguchi.procedures;

/**
 * An uploaded file as forms and answer summaries show it (the attachments module owns the file itself).
 *
 * @param id the attachment id stored in a FILE answer
 * @param filename the name the resident's file had
 * @param size bytes
 * @param type {@code PDF}, {@code JPEG} or {@code PNG}
 */
public record AttachmentView(String id, String filename, long size, String type) {
}
