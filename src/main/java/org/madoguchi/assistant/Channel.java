package org.madoguchi.assistant;

/** Where a resident's message came from; kept in the question log for the analytics. */
public enum Channel {
	/** the floating widget on a city web page */
	WIDGET,
	/** the assistant's own page, which works without JavaScript */
	PAGE,
	/** the city's LINE official account */
	LINE,
	/** another program calling the chat API */
	API
}
