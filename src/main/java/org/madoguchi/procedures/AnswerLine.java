package org.madoguchi.procedures;

/**
 * One answered (or unanswered) visible field, formatted in a language.
 *
 * @param fieldId the field's id
 * @param label the field's label
 * @param displayValue the answer as text (和暦 dates, option labels, joined address, masked account number …), or
 *     「未回答」 / "Not answered"
 * @param multiline whether {@code displayValue} holds line breaks to keep (TEXTAREA, bank account)
 */
public record AnswerLine(String fieldId, String label, String displayValue, boolean multiline) {
}
