package org.madoguchi.registry;

/**
 * One entry of the delta feed: the sequence number (the cursor) and the full snapshot written.
 */
public record RegisterChangeEntry(long seq, ResidentRecord snapshot) {
}
