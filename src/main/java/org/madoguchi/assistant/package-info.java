/**
 * The resident assistant (窓口アシスタント): answers residents' questions from the city's FAQ (よくある質問).
 *
 * <p>This first step is the retrieval engine ({@link org.madoguchi.assistant.FaqEngine}, an in-memory Lucene
 * index with Japanese analysis) and its offline evaluation command ({@link org.madoguchi.assistant.FaqEval}).
 * On top of it: the standard Q&amp;A loaded at start ({@code StandardQa}, {@code assistant/standard/*.yml}),
 * the {@link org.madoguchi.assistant.Assistant} service that decides between an answer, candidates, an apology
 * with a human contact, small talk or a refusal ({@link org.madoguchi.assistant.Reply}), and the public chat API
 * {@code /api/v1/assistant/**} with its own security chain and a per-node, per-IP rate limit.
 * No database and no web pages yet.
 */
package org.madoguchi.assistant;
