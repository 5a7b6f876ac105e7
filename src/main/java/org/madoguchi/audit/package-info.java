/**
 * The access log (アクセスログ): who read or changed which resident data, when, and for what purpose.
 * Append-only; readable by auditors; no code path edits or deletes an entry.
 */
package org.madoguchi.audit;
