/**
 * The resident assistant (総合案内AIチャットボット / 窓口アシスタント): answers residents' questions from the city's
 * Q&amp;A, for many cities (tenants) on one engine.
 *
 * <ul>
 * <li>Knowledge: {@link org.madoguchi.assistant.KnowledgeBase} (the standard Q&amp;A shared by every city, each city's
 * overrides and own entries, history, validity periods), {@link org.madoguchi.assistant.Tenants}.</li>
 * <li>Retrieval: {@link org.madoguchi.assistant.FaqEngine} (Lucene + kuromoji, readings, bigrams, synonyms, learned
 * phrasings) behind per-tenant indexes that every node rebuilds when a tenant's content version moves.</li>
 * <li>Dialogue and learning: {@link org.madoguchi.assistant.Assistant} answers, offers candidates or a human contact,
 * logs every turn, and learns from "helpful" votes and picked candidates
 * ({@link org.madoguchi.assistant.Phrasings}).</li>
 * <li>Channels: the chat API ({@code /api/v1/assistant/**}, own security chain, per-IP limit, per-tenant CORS), the
 * widget ({@code /assistant/widget.js}), the page {@code /assistant} (no JavaScript needed) and the LINE webhook.</li>
 * <li>Staff pages under {@code /staff/assistant}: Q&amp;A editor with preview and CSV, analytics, unanswered
 * questions, learned phrasings, settings.</li>
 * <li>{@link org.madoguchi.assistant.FaqEval}: the offline evaluation command {@code bin/madoguchi faq-eval}.</li>
 * </ul>
 */
package org.madoguchi.assistant;
