package org.madoguchi.procedures;

/** One option of a SELECT, RADIO or CHECKBOX field. */
public record Choice(String value, Text label) {
}
