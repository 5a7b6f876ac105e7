/**
 * The resident assistant (窓口アシスタント): answers residents' questions from the city's FAQ (よくある質問).
 *
 * <p>This first step is the retrieval engine ({@link org.madoguchi.assistant.FaqEngine}, an in-memory Lucene
 * index with Japanese analysis) and its offline evaluation command ({@link org.madoguchi.assistant.FaqEval}).
 * No database and no web pages yet.
 */
package org.madoguchi.assistant;
