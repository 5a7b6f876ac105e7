package org.madoguchi.procedures;

import java.util.List;

/**
 * When a page or field is shown: another field's answer {@code equals} a value, is one of {@code in},
 * or ({@code notEmpty: true}) has any answer. For a CHECKBOX field, equals/in match when any chosen
 * value matches. Exactly one of the three is set. A field hidden by its condition must not be answered.
 */
public record Condition(String field, String equals, List<String> in, Boolean notEmpty) {
}
